import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** LibriVox human-speech clips with reference transcripts, shipped by Debian pocketsphinx-testdata. */
export const LIBRIVOX_DIR = '/usr/share/pocketsphinx/test/data/librivox';

export interface SpeechClip {
  id: string;
  /** 16 kHz mono 16-bit WAV as shipped. */
  path: string;
  /** Reference transcript, lower case, no punctuation. */
  reference: string;
  durationSeconds: number;
}

/** Duration from a PCM WAV header (data chunk bytes / byte rate). */
function wavDuration(path: string): number {
  const buf = readFileSync(path);
  const byteRate = buf.readUInt32LE(28);
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    if (id === 'data') return Math.min(size, buf.length - offset - 8) / byteRate;
    offset += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${path}`);
}

/** Every clip listed in the package's `transcription` file (`<s> words </s> (file-id)`). */
export function librivoxClips(dir = LIBRIVOX_DIR): SpeechClip[] {
  const listing = join(dir, 'transcription');
  if (!existsSync(listing)) throw new Error(`${listing} is missing: apt-get install pocketsphinx-testdata`);
  return readFileSync(listing, 'utf8')
    .split('\n')
    .map((line) => /^<s>\s*(.*?)\s*<\/s>\s*\(([^)]+)\)\s*$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, reference, id]) => {
      const path = join(dir, `${id}.wav`);
      return { id, path, reference, durationSeconds: wavDuration(path) };
    })
    .filter((c) => existsSync(c.path));
}

/**
 * Two different clips for two speakers: the two longest, so each has enough words for a
 * meaningful error rate (they are the 0870 and 0920 clips: 7.1 s and 6.05 s).
 */
export function twoSpeakerClips(): [SpeechClip, SpeechClip] {
  const sorted = librivoxClips().sort((a, b) => b.durationSeconds - a.durationSeconds);
  if (sorted.length < 2) throw new Error('need two LibriVox clips in pocketsphinx-testdata');
  return [sorted[0], sorted[1]];
}

/**
 * Word error rate of Debian pocketsphinx 0.8 (en-us model) transcribing each clip file directly,
 * measured here: the baseline a transcript that went through WebRTC + composition is compared to.
 * ("mister" heard as "mr" counts as an error.) Over all five clips together: 0.366.
 */
export const DIRECT_WER_BASELINE: Record<string, number> = {
  'sense_and_sensibility_01_austen_64kb-0870': 0.364,
  'sense_and_sensibility_01_austen_64kb-0880': 0.25,
  'sense_and_sensibility_01_austen_64kb-0890': 0.429,
  'sense_and_sensibility_01_austen_64kb-0920': 0.211,
  'sense_and_sensibility_01_austen_64kb-0930': 0.75,
};

/** Pipeline transcripts of these clips should stay within this of the direct baseline. */
export const WER_TOLERANCE = 0.15;

const run = promisify(execFile);

/**
 * Writes clips back to back (with `gapSeconds` of silence before each) as a 48 kHz 16-bit mono
 * WAV, the format Chromium's `--use-file-for-fake-audio-capture` plays.
 */
export async function writeFakeMicWav(clips: readonly SpeechClip[], outPath: string, gapSeconds = 1): Promise<void> {
  const args = ['-nostdin', '-y', '-loglevel', 'error'];
  clips.forEach((c) => args.push('-i', c.path));
  const pads = clips.map((_, i) => `[${i}:a]adelay=${Math.round(gapSeconds * 1000)}:all=1[p${i}]`);
  const concat = `${clips.map((_, i) => `[p${i}]`).join('')}concat=n=${clips.length}:v=0:a=1[out]`;
  args.push('-filter_complex', [...pads, concat].join(';'), '-map', '[out]', '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', outPath);
  await run('ffmpeg', args);
}
