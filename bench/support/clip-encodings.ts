import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CAMERA_PROFILE, LEGACY_PROFILE, SCREEN_PROFILE, mp4EncoderArgs, type EncodingProfile } from '../../src/adapters/media/encoding-profiles';
import { execTool } from '../../src/adapters/local/pipeline/exec';
import { readManifest, type ParticipantMedia } from '../../src/adapters/local/pipeline/local-media';
import { pipFilterGraph, pipFrameSource } from '../../src/adapters/local/pipeline/pip-layout';
import { mediaDuration } from '../../src/adapters/local/pipeline/probe';
import { videoSize } from '../../src/adapters/local/pipeline/video-size';
import { plainCopy, stackMediaKeys } from '../../tests/support/read-stored-media';

export interface EncodingSample {
  profile: string;
  bytes: number;
  seconds: number;
  mbPerMinute: number;
  encodeMs: number;
  /** Screen clips only: SSIM of the encoded picture against the same composition uncompressed, whole frame and the top band (where the fake screen's text is). */
  ssimFrame?: number;
  ssimTopBand?: number;
}

export interface ClipEncodings {
  screen: { current: EncodingSample; legacy: EncodingSample };
  camera: { current: EncodingSample; legacy: EncodingSample };
}

/** MB (decimal, as storage is billed) per minute of video. */
export const mbPerMinute = (bytes: number, seconds: number): number => bytes / 1e6 / (seconds / 60);

const ssimAll = (stderr: string): number => {
  const m = /All:([0-9.]+)/.exec(stderr);
  if (!m) throw new Error(`no SSIM in ffmpeg's output: ${stderr.slice(-300)}`);
  return Number(m[1]);
};

/** The clip's composition exactly as the product makes it (its pip graph, its encoder args), with `profile`. */
async function composeWith(media: ParticipantMedia[], profile: EncodingProfile, durationSeconds: number, out: string): Promise<{ graph: string; encodeMs: number }> {
  const framed = pipFrameSource(media);
  if (!framed) throw new Error('no video track to compose');
  const frame = await videoSize(framed.path);
  const { graph, hasAudio } = pipFilterGraph(media, { frame, fps: profile.fps, durationSeconds });
  if (!hasAudio) throw new Error('the clip has no voice track');
  const args = ['-nostdin', '-y', '-loglevel', 'error'];
  for (const m of media) args.push('-i', m.path);
  args.push('-filter_complex', graph, '-map', '[vout]', '-map', '[aout]', ...mp4EncoderArgs(profile), '-t', durationSeconds.toFixed(3), out);
  const t0 = performance.now();
  await execTool('ffmpeg', args);
  return { graph, encodeMs: performance.now() - t0 };
}

/** SSIM of `encoded` against the very composition it was made from, uncompressed (the pip graph's video only, same fps). */
async function ssimAgainstSource(media: ParticipantMedia[], profile: EncodingProfile, durationSeconds: number, encoded: string): Promise<{ frame: number; topBand: number }> {
  const video = media.filter((m) => m.kind === 'video');
  const frame = await videoSize((pipFrameSource(video) as ParticipantMedia).path);
  const { graph } = pipFilterGraph(video, { frame, fps: profile.fps, durationSeconds });
  const run = async (crop: string) => {
    const args = ['-nostdin', '-loglevel', 'info'];
    for (const m of video) args.push('-i', m.path);
    args.push('-i', encoded, '-filter_complex', `${graph};[vout]${crop}[ref];[${video.length}:v]${crop}[enc];[enc][ref]ssim`, '-t', durationSeconds.toFixed(3), '-f', 'null', '-');
    return ssimAll((await execTool('ffmpeg', args)).stderr);
  };
  return { frame: await run('null'), topBand: await run('crop=iw:trunc(ih/8)*2:0:0') };
}

async function sample(media: ParticipantMedia[], profile: EncodingProfile, durationSeconds: number, out: string, withSsim: boolean): Promise<EncodingSample> {
  const { encodeMs } = await composeWith(media, profile, durationSeconds, out);
  const bytes = statSync(out).size;
  const seconds = await mediaDuration(out);
  const s: EncodingSample = { profile: profile.name, bytes, seconds, mbPerMinute: mbPerMinute(bytes, seconds), encodeMs };
  if (withSsim) {
    const ssim = await ssimAgainstSource(media, profile, durationSeconds, out);
    s.ssimFrame = ssim.frame;
    s.ssimTopBand = ssim.topBand;
  }
  return s;
}

/**
 * Smaller files, side by side in one run: the clip's own converted tracks (read from the product's
 * manifest, decrypted) composed again with the current profile and with the settings from before
 * (LEGACY_PROFILE), once as the screen + camera clip the bench recorded (screen content) and once
 * with its camera and voice only (camera content: a camera-only clip). Same graph, same inputs; only
 * the encoder's settings differ. Runs after the timed part, one encode at a time.
 */
export async function compareClipEncodings(dataDir: string, recordingId: string, durationSeconds: number, outDir: string): Promise<ClipEncodings> {
  const keys = stackMediaKeys(dataDir);
  const manifest = await readManifest(dataDir, recordingId, keys);
  if (!manifest) throw new Error(`encodings: no manifest for ${recordingId}`);
  const copies = manifest.media.map((m) => plainCopy(m.path, keys));
  try {
    const media = manifest.media.map((m, i) => ({ ...m, path: copies[i].path }));
    const cameraOnly = media.filter((m) => !(m.kind === 'video' && m.source === 'screen'));
    if (cameraOnly.length === media.length) throw new Error('encodings: the clip has no screen track');
    return {
      screen: {
        current: await sample(media, SCREEN_PROFILE, durationSeconds, join(outDir, 'screen-current.mp4'), true),
        legacy: await sample(media, LEGACY_PROFILE, durationSeconds, join(outDir, 'screen-legacy.mp4'), true),
      },
      camera: {
        current: await sample(cameraOnly, CAMERA_PROFILE, durationSeconds, join(outDir, 'camera-current.mp4'), false),
        legacy: await sample(cameraOnly, LEGACY_PROFILE, durationSeconds, join(outDir, 'camera-legacy.mp4'), false),
      },
    };
  } finally {
    for (const c of copies) c.cleanup();
  }
}
