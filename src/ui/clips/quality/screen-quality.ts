import { AGENT_SCREEN_TARGET, MIN_LEGIBLE_SCREEN } from './thresholds';

export interface ScreenSize {
  width: number;
  height: number;
}

/** The size a screen should reach: 720p for text to stay legible, 1080p for agents. */
export const screenTargetFor = (authorRole: 'customer' | 'agent'): ScreenSize => (authorRole === 'agent' ? AGENT_SCREEN_TARGET : MIN_LEGIBLE_SCREEN);

/**
 * Too few pixels for text: either side under the target. A portrait screen (a phone) is judged
 * turned, so 720×1280 counts as 1280×720.
 */
export function isScreenTooSmall(size: ScreenSize | null, target: ScreenSize): boolean {
  if (!size || size.width <= 0 || size.height <= 0) return false;
  const long = Math.max(size.width, size.height);
  const short = Math.min(size.width, size.height);
  return long < target.width || short < target.height;
}
