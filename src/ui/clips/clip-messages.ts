import type { DisconnectReason } from '../../client/video-client';
import type { ClipStopCause } from '../../domain/clip';
import { ApiError } from '../../client/request-json';
import type { MediaProblem } from '../media/devices';
import { limitText } from './clip-time';

export const NO_SCREEN_CAPTURE = "Screen recording isn't available in this browser. You can record with your camera.";
export const NO_PREVIEW = "A preview isn't available in this browser. You can still send your clip or discard it.";
export const SCREEN_SHARING_ENDED = 'Recording stopped because screen sharing ended. Your clip was kept.';

/** Why a take stopped when its author did not press Stop here, for the stopped screen and the live region. */
export function stopNote(cause: ClipStopCause | 'screen_ended' | undefined, maxSeconds: number, reason?: DisconnectReason): string {
  if (cause === 'cap') return `Recording stopped at the ${limitText(maxSeconds)} limit. Your clip was kept.`;
  if (cause === 'screen_ended') return SCREEN_SHARING_ENDED;
  if (reason === 'replaced') return 'Recording went on in another tab or on another device.';
  if (cause === 'author_gone' || reason === 'network' || reason === 'error') {
    return 'Recording stopped because the connection to the server was lost. What was recorded until then was kept.';
  }
  return 'Recording stopped. Your clip was kept.';
}

/** Camera and microphone problems, in the author's words, with what to do. */
export function mediaProblemText(code: MediaProblem['code']): string {
  switch (code) {
    case 'unsupported_browser':
      return 'This browser cannot record video. Please use a current version of Chrome, Edge, Firefox or Safari.';
    case 'permission_denied':
      return 'Camera and microphone are blocked. Allow this page to use them (the camera or lock icon in the address bar), then try again.';
    case 'device_in_use':
      return 'Your camera or microphone is busy. Close other video apps or tabs, then try again.';
    default:
      return 'No camera or microphone found. Connect one (a headset works), then try again.';
  }
}

/** A refusal the recorder cannot get past: the link or token no longer opens this clip. */
export const isRefusal = (e: unknown): e is ApiError => e instanceof ApiError && [401, 403, 404, 410].includes(e.status);

export function errorText(e: unknown, doing: string): string {
  if (e instanceof ApiError && e.code === 'network') return `${doing} did not work: ${e.message}`;
  const detail = e instanceof Error && e.message ? ` ${e.message}` : '';
  return `${doing} did not work.${detail} Please try again.`;
}
