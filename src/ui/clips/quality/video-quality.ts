import { DARK_FRAME_LUMA, DARK_FRAME_SHARE, MIN_CAMERA_FRAMES } from './thresholds';

/** Mean luma (0..255, Rec. 601 weights) of an RGBA frame, as a canvas's getImageData gives it. */
export function meanLuma(rgba: ArrayLike<number>): number {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return 0;
  let sum = 0;
  for (let i = 0; i < pixels * 4; i += 4) sum += 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
  return sum / pixels;
}

/** Most sampled camera frames too dark to see a face. */
export function isTooDark(lumaPerFrame: readonly number[]): boolean {
  if (lumaPerFrame.length < MIN_CAMERA_FRAMES) return false;
  const dark = lumaPerFrame.filter((luma) => luma < DARK_FRAME_LUMA).length;
  return dark / lumaPerFrame.length > DARK_FRAME_SHARE;
}
