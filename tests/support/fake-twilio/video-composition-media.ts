import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompositionFormat } from './video-composition-rules';

/**
 * A real media file for a completed composition, made with ffmpeg, so whatever downloads it
 * (recording-media, the media worker, a probe) meets a file Twilio could have made: the
 * composition's container (mp4: H.264 + AAC; webm: VP8 + Opus), its resolution and its duration;
 * audio only when it has no video layout. Content: a 440 Hz tone and SMPTE bars at 1 fps.
 *
 * Fast and small: a 10 s segment is encoded once per kind, then looped without re-encoding to
 * the duration asked for (a 30-minute audio composition takes ~0.2 s and ~3 MB). Files are
 * cached for the life of the test process.
 */
export interface MediaSpec {
  format: CompositionFormat;
  video: boolean;
  audio: boolean;
  width: number;
  height: number;
  durationSeconds: number;
}

const SEGMENT_SECONDS = 10;
const CODECS: Record<CompositionFormat, { video: string[]; audio: string[]; sampleRate: number }> = {
  mp4: { video: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '10'], audio: ['-c:a', 'aac', '-b:a', '16k'], sampleRate: 16_000 },
  webm: { video: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '16', '-g', '10', '-b:v', '50k'], audio: ['-c:a', 'libopus', '-b:a', '12k'], sampleRate: 48_000 },
};

let workDir: string | null = null;
const dir = (): string => {
  if (!workDir) {
    workDir = mkdtempSync(join(tmpdir(), 'fake-twilio-media-'));
    const made = workDir;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return workDir;
};
const segments = new Set<string>();
const cache = new Map<string, Buffer>();

function ffmpeg(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`fake Twilio could not make composition media: ${r.error?.message ?? r.stderr}`);
}

function segment(spec: MediaSpec): string {
  const key = `${spec.format}-${spec.video ? `${spec.width}x${spec.height}` : 'novideo'}-${spec.audio ? 'audio' : 'silent'}`;
  const file = join(dir(), `segment-${key}.${spec.format}`);
  if (segments.has(file)) return file;
  const c = CODECS[spec.format];
  const inputs: string[] = [];
  const codecs: string[] = [];
  if (spec.video) {
    inputs.push('-f', 'lavfi', '-i', `smptebars=size=${spec.width}x${spec.height}:rate=1:duration=${SEGMENT_SECONDS}`);
    codecs.push(...c.video);
  }
  if (spec.audio) {
    inputs.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${SEGMENT_SECONDS}:sample_rate=${c.sampleRate}`);
    codecs.push(...c.audio, '-ac', '1');
  }
  ffmpeg([...inputs, ...codecs, file]);
  segments.add(file);
  return file;
}

/** The bytes of a composition of this shape and length. */
export function compositionMedia(spec: MediaSpec): Buffer {
  if (!spec.video && !spec.audio) throw new Error('a composition with neither audio nor video has no media');
  const seconds = Math.max(1, Math.round(spec.durationSeconds));
  const key = JSON.stringify({ ...spec, durationSeconds: seconds });
  const known = cache.get(key);
  if (known) return known;
  const out = join(dir(), `media-${cache.size}.${spec.format}`);
  const faststart = spec.format === 'mp4' ? ['-movflags', '+faststart'] : [];
  ffmpeg(['-stream_loop', '-1', '-i', segment(spec), '-t', String(seconds), '-c', 'copy', ...faststart, out]);
  const bytes = readFileSync(out);
  rmSync(out, { force: true });
  cache.set(key, bytes);
  return bytes;
}
