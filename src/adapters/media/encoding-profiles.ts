/**
 * How composed calls and clips are encoded (H.264 + AAC in MP4), in one place: the local composer
 * and any later ffmpeg pass over a finished video take their x264/AAC arguments from here, so a
 * stored file's size is decided once. Figures behind each choice: bench/README.md, bench:clip
 * ("Smaller files").
 */

/** What most of the picture is: a shared screen (text, slides, a pointer) or a camera (people, motion, sensor noise). */
export type ContentKind = 'screen' | 'camera';

export interface EncodingProfile {
  /** Named in logs and bench output. */
  name: string;
  /** Output frame rate (the composers' filter graphs draw at this rate). */
  fps: number;
  /** x264 speed/size trade-off; the composition is on the way to a playable clip, on 2 cores. */
  preset: string;
  /** x264 `-tune`, or none. */
  tune?: 'stillimage' | 'animation' | 'film';
  /** Constant quality (lower: better and larger). */
  crf: number;
  /** Extra x264 options (`-x264-params`), e.g. what a preset turns off but pays for itself here. */
  x264Params?: string;
  /** Longest stretch between keyframes: what a seek may have to decode from. Unset: x264's default (250 frames). */
  keyframeSeconds?: number;
  audioBitrateKbps: number;
  /** Unset: the filter graph's own layout is kept. */
  audioChannels?: 1 | 2;
}

/**
 * Screen content: text must stay sharp, most of the frame stands still. `stillimage` keeps edges
 * (light deblocking, stronger psychovisual detail) where the text is; CABAC and B-frames
 * (`superfast` has both, `ultrafast` neither) make an unchanged frame cost almost nothing, and
 * macroblock-tree rate control with a 10-frame lookahead (off in `superfast`, on from `veryfast`)
 * spends the bits on what later frames reuse: on a bench take, 583 → 360 kB for 31 s of screen for
 * +0.1 s of CPU, where `veryfast` took +0.8 s. 10 fps is enough for slides, scrolling and a pointer.
 * A keyframe every 10 s bounds a seek's decoding. Speech needs no more than 48 kb/s mono AAC.
 */
export const SCREEN_PROFILE: EncodingProfile = {
  name: 'screen',
  fps: 10,
  preset: 'superfast',
  tune: 'stillimage',
  crf: 28,
  x264Params: 'mbtree=1:rc-lookahead=10',
  keyframeSeconds: 10,
  audioBitrateKbps: 48,
  audioChannels: 1,
};

/**
 * Camera content (camera-only clips, the grid of a call): no tune (`stillimage` would spend bits
 * on sensor noise), the same rate control. 12 fps as before: a face talking needs no more, and the
 * call's grid is on the way to its recording message. On a noisy two-camera 720p grid: 29 → 9 MB
 * a minute for +40 % encoder CPU.
 */
export const CAMERA_PROFILE: EncodingProfile = {
  name: 'camera',
  fps: 12,
  preset: 'superfast',
  crf: 28,
  x264Params: 'mbtree=1:rc-lookahead=10',
  keyframeSeconds: 10,
  audioBitrateKbps: 48,
  audioChannels: 1,
};

/**
 * What every composition used before these profiles: x264 `ultrafast` CRF 23 at 12 fps, AAC
 * 128 kb/s. Kept only as bench:clip's baseline, re-encoded in the same run.
 */
export const LEGACY_PROFILE: EncodingProfile = {
  name: 'legacy',
  fps: 12,
  preset: 'ultrafast',
  crf: 23,
  audioBitrateKbps: 128,
};

export const encodingProfile = (kind: ContentKind): EncodingProfile => (kind === 'screen' ? SCREEN_PROFILE : CAMERA_PROFILE);

/** x264 arguments (output side): codec, speed, quality, keyframes, and the pixel format browsers play. */
export function videoEncoderArgs(p: EncodingProfile): string[] {
  const args = ['-c:v', 'libx264', '-preset', p.preset];
  if (p.tune) args.push('-tune', p.tune);
  args.push('-crf', String(p.crf));
  if (p.x264Params) args.push('-x264-params', p.x264Params);
  if (p.keyframeSeconds) args.push('-g', String(Math.round(p.fps * p.keyframeSeconds)));
  args.push('-pix_fmt', 'yuv420p');
  return args;
}

/** AAC arguments (output side), 48 kHz. */
export function audioEncoderArgs(p: EncodingProfile): string[] {
  const args = ['-c:a', 'aac', '-b:a', `${p.audioBitrateKbps}k`, '-ar', '48000'];
  if (p.audioChannels) args.push('-ac', String(p.audioChannels));
  return args;
}

/** Video + audio arguments and `+faststart` (the index first, so a browser can seek while loading). */
export const mp4EncoderArgs = (p: EncodingProfile): string[] => [...videoEncoderArgs(p), ...audioEncoderArgs(p), '-movflags', '+faststart'];
