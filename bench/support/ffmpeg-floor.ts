import { execFileSync } from 'node:child_process';
import { extname, join } from 'node:path';
import { execTool } from '../../src/adapters/local/pipeline/exec';
import { readManifest } from '../../src/adapters/local/pipeline/local-media';
import { plainCopy, stackMediaKeys } from '../../tests/support/read-stored-media';
import { SCREEN_PROFILE, mp4EncoderArgs } from '../../src/adapters/media/encoding-profiles';

export interface FloorResult {
  /** janus-pp-rec of every track, all at once. */
  convertMs: number;
  /** One ffmpeg run: the screen, the camera in its corner, the voice; the product's codec settings. */
  encodeMs: number;
  totalMs: number;
  /** ffprobe's duration of what the floor made (a check that it made a whole video). */
  durationSeconds: number;
}

const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);

/**
 * The baseline for "Stop → playable": the least work any product must do to turn this clip's raw
 * Janus recordings into the same picture-in-picture MP4. It reads the product's manifest only to
 * know which `.mjr` is the screen, the camera and the microphone and where each starts, then
 * converts the tracks in parallel and encodes once, with the product's own output settings for
 * screen content (SCREEN_PROFILE: the screen's size, camera a quarter of the width in the
 * bottom-right corner, +faststart). Nothing else: no job, no message, no transcript.
 */
export async function ffmpegFloor(dataDir: string, recordingId: string, durationSeconds: number, outDir: string): Promise<FloorResult> {
  const keys = stackMediaKeys(dataDir);
  const manifest = await readManifest(dataDir, recordingId, keys);
  if (!manifest) throw new Error(`floor: no manifest for ${recordingId}`);
  const screen = manifest.media.find((m) => m.kind === 'video' && m.source === 'screen');
  const camera = manifest.media.find((m) => m.kind === 'video' && m.source !== 'screen');
  const voice = manifest.media.find((m) => m.kind === 'audio');
  if (!screen?.recordedFrom || !camera?.recordedFrom || !voice?.recordedFrom) {
    throw new Error(`floor: expected a screen, a camera and a microphone recording in ${recordingId} (got ${manifest.media.map((m) => `${m.kind}/${m.source}`).join(', ')})`);
  }
  // The raw tracks are sealed at rest once the job is done: decrypted before the clock starts
  // (the product reads them in plaintext while it works).
  const raw = [screen, camera, voice].map((m) => plainCopy(m.recordedFrom as string, keys));
  const tracks = [screen, camera, voice].map((m, i) => ({ ...m, rawPath: raw[i].path, floorPath: join(outDir, `${i}${extname(m.path)}`) }));

  const t0 = performance.now();
  await Promise.all(tracks.map((t) => execTool('janus-pp-rec', [t.rawPath, t.floorPath])));
  const t1 = performance.now();
  for (const r of raw) r.cleanup();
  const [w, h] = (await execTool('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', tracks[0].floorPath])).stdout
    .trim()
    .split('x')
    .map(Number);
  const W = even(w);
  const H = even(h);
  const cam = even(Math.round(W / 4));
  const margin = even(Math.round(W / 64));
  const out = join(outDir, 'floor.mp4');
  const args = ['-nostdin', '-y', '-loglevel', 'error'];
  for (const t of tracks) args.push('-itsoffset', t.startOffsetSeconds.toFixed(3), '-i', t.floorPath);
  args.push(
    '-filter_complex',
    `[0:v]scale=${W}:${H},setsar=1[s];[1:v]scale=${cam}:-2,setsar=1[c];[s][c]overlay=W-w-${margin}:H-h-${margin}:eof_action=pass,fps=${SCREEN_PROFILE.fps}[vout]`,
    '-map', '[vout]', '-map', '2:a',
    ...mp4EncoderArgs(SCREEN_PROFILE), '-t', durationSeconds.toFixed(3), out,
  );
  await execTool('ffmpeg', args);
  const t2 = performance.now();
  const made = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', out], { encoding: 'utf8' }).trim());
  return { convertMs: t1 - t0, encodeMs: t2 - t1, totalMs: t2 - t0, durationSeconds: made };
}
