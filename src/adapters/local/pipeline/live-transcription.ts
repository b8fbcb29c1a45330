import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger } from '../../../logger';
import type { MediaKeyRing } from '../crypto/key-ring';
import { parseRecordingFileName } from '../janus/recording-files';
import { execTool } from './exec';
import { mediaDuration } from './probe';
import { advanceLive, livePathOf, readLive, writeLive } from './live-transcript';
import type { SpeechEngine } from './speech-engine';
import { speechWav } from './speech-wav';
import { redactSegments } from '../../../core/privacy/pii/redact-segments';

export interface LiveTranscriptionOptions {
  /** Janus's recordings folder: one sub-folder per room, `*.mjr.tmp` while a track is recording. */
  recordingsDir: string;
  engine: SpeechEngine;
  /** Seals the `*.live.json` transcripts it keeps. */
  mediaKeys: MediaKeyRing;
  /** How often the recordings in progress are looked at (default 5 s). */
  intervalMs?: number;
  /** Less new audio than this waits for the next round (default 4 s). */
  minChunkSeconds?: number;
  janusPpRec?: string;
  ffmpeg?: string;
}

/**
 * Transcribes calls while they run, so that at the end only the last few seconds of each speaker
 * are left for the pipeline: the answer to "the transcript takes as long as the call". Every
 * round converts each audio track Janus is still writing, transcribes what is new since its cut,
 * and keeps the finished utterances beside the recording (`*.live.json`). The local transcriber
 * starts from there. One track at a time, so it never takes more than one core from the call.
 */
export function startLiveTranscription(o: LiveTranscriptionOptions): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (!stopped) timer = setTimeout(() => (round = runRound().finally(schedule)), o.intervalMs ?? 5_000);
  };

  async function runRound(): Promise<void> {
    for (const track of await recordingTracks(o.recordingsDir)) {
      if (stopped) return;
      try {
        await transcribeNew(track);
      } catch (err) {
        // A track closing mid-round, a half-written packet: the next round (or the pipeline) covers it.
        logger.debug({ err, track }, 'live transcription round skipped a track');
      }
    }
  }

  async function transcribeNew(mjr: string): Promise<void> {
    const livePath = livePathOf(mjr);
    const state = (await readLive(livePath, o.mediaKeys)) ?? { cut: 0, segments: [] };
    const work = await mkdtemp(join(tmpdir(), 've-live-'));
    try {
      const opus = join(work, 'track.opus');
      await execTool(o.janusPpRec ?? 'janus-pp-rec', [mjr, opus], { timeoutMs: 60_000 });
      const wav = join(work, 'new.wav');
      await speechWav(o.ffmpeg ?? 'ffmpeg', opus, wav, state.cut);
      const seconds = await mediaDuration(wav);
      if (seconds < (o.minChunkSeconds ?? 4)) return;
      const next = advanceLive(state, await o.engine.transcribe(wav), seconds);
      // Kept redacted: a number split across rounds is found once both halves are in.
      if (next !== state && !stopped) await writeLive(livePath, { ...next, segments: redactSegments(next.segments).segments }, o.mediaKeys);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

/** Audio tracks Janus is still recording (`*-audio-*.mjr.tmp`), in every room folder. */
async function recordingTracks(recordingsDir: string): Promise<string[]> {
  let rooms: string[];
  try {
    rooms = await readdir(recordingsDir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const room of rooms) {
    const dir = join(recordingsDir, room);
    if (!(await stat(dir).catch(() => null))?.isDirectory()) continue;
    for (const name of await readdir(dir)) {
      if (name.endsWith('.mjr.tmp') && parseRecordingFileName(name.slice(0, -4))?.kind === 'audio') out.push(join(dir, name));
    }
  }
  return out;
}
