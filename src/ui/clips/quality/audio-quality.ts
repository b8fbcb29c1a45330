import { CLIPPED_SAMPLE_LEVEL, CLIPPED_SAMPLE_SHARE, MIN_AUDIO_WINDOWS, SILENCE_RMS_FLOOR, SILENT_WINDOW_SHARE } from './thresholds';

/** One short window of microphone samples (-1..1), reduced to what the check needs. */
export interface AudioWindow {
  rms: number;
  /** Share of the window's samples at full scale. */
  clippedShare: number;
}

export function audioWindow(samples: ArrayLike<number>): AudioWindow {
  if (samples.length === 0) return { rms: 0, clippedShare: 0 };
  let sum = 0;
  let clipped = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    sum += s * s;
    if (Math.abs(s) >= CLIPPED_SAMPLE_LEVEL) clipped++;
  }
  return { rms: Math.sqrt(sum / samples.length), clippedShare: clipped / samples.length };
}

/** Most of the take below the silence floor: a muted or wrong microphone. */
export function isMostlySilent(rmsPerWindow: readonly number[]): boolean {
  if (rmsPerWindow.length < MIN_AUDIO_WINDOWS) return false;
  const silent = rmsPerWindow.filter((rms) => rms < SILENCE_RMS_FLOOR).length;
  return silent / rmsPerWindow.length > SILENT_WINDOW_SHARE;
}

/** Many samples at full scale (windows are the same length, so their shares average fairly). */
export function isClipping(clippedSharePerWindow: readonly number[]): boolean {
  if (clippedSharePerWindow.length < MIN_AUDIO_WINDOWS) return false;
  const mean = clippedSharePerWindow.reduce((a, b) => a + b, 0) / clippedSharePerWindow.length;
  return mean > CLIPPED_SAMPLE_SHARE;
}
