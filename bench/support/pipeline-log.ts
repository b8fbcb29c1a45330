import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the time went: the pipeline's own log lines about one recording (the Functions process
 * runs it), each placed relative to `since` (wall-clock ms, e.g. the Stop click).
 */
export function pipelineSteps(dataDir: string, recordingId: string, since: number): string[] {
  const lines = readFileSync(join(dataDir, 'logs', 'functions.log'), 'utf8').split('\n');
  return lines
    .filter((l) => l.includes(recordingId))
    .map((l) => {
      try {
        const { msg, seconds, time, liveCut } = JSON.parse(l) as { msg: string; seconds?: string; time: number; liveCut?: number };
        const took = seconds ? ` (took ${seconds} s${liveCut ? `; the first ${liveCut.toFixed(1)} s were transcribed live, while recording` : ''})` : '';
        return `+${((time - since) / 1000).toFixed(2)} s after Stop: ${msg}${took}`;
      } catch {
        return '';
      }
    })
    .filter(Boolean);
}
