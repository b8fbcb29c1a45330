import { isClipping, isMostlySilent } from './audio-quality';
import { isScreenTooSmall, screenTargetFor, type ScreenSize } from './screen-quality';
import { isTooDark } from './video-quality';

/** What was measured while a take recorded (pauses excluded). */
export interface TakeQualitySamples {
  /** Per audio window; empty when the take had no microphone or the browser cannot measure. */
  audioRms: number[];
  audioClippedShare: number[];
  /** Per sampled camera frame, 0..255. */
  cameraLuma: number[];
  /** The largest size the shared screen reached; null without a screen. */
  screen: ScreenSize | null;
}

export const emptyQualitySamples = (): TakeQualitySamples => ({ audioRms: [], audioClippedShare: [], cameraLuma: [], screen: null });

export type TakeAdviceKind = 'screen-small' | 'silent' | 'clipping' | 'dark';

export interface TakeAdvice {
  kind: TakeAdviceKind;
  text: string;
}

export const ADVICE_TEXT = {
  screenSmall: 'Text may be hard to read: zoom in or share a single window.',
  screenSmallAgent: 'Text may be hard to read: agents aim for a 1080p screen (1920×1080). Zoom in or share a single window.',
  silent: 'We heard almost no sound: check the microphone is the right one and not muted.',
  clipping: 'The sound is too loud and may be distorted: move back from the microphone or speak a little softer.',
  dark: 'Your camera picture is very dark: turn on a light in front of you, not behind you.',
} as const;

/** Plain advice about a take, in the order an author would fix things. Empty: nothing to say. */
export function takeAdvice(samples: TakeQualitySamples, authorRole: 'customer' | 'agent'): TakeAdvice[] {
  const advice: TakeAdvice[] = [];
  if (isScreenTooSmall(samples.screen, screenTargetFor(authorRole))) {
    advice.push({ kind: 'screen-small', text: authorRole === 'agent' ? ADVICE_TEXT.screenSmallAgent : ADVICE_TEXT.screenSmall });
  }
  if (isMostlySilent(samples.audioRms)) advice.push({ kind: 'silent', text: ADVICE_TEXT.silent });
  else if (isClipping(samples.audioClippedShare)) advice.push({ kind: 'clipping', text: ADVICE_TEXT.clipping });
  if (isTooDark(samples.cameraLuma)) advice.push({ kind: 'dark', text: ADVICE_TEXT.dark });
  return advice;
}
