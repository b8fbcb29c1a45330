import type { MediaDeps } from '../media/devices';

/** The browser's screen picker; tests pass their own. */
export type PickScreen = () => Promise<MediaStream>;

export const browserPickScreen: PickScreen = () => navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });

export const SCREEN_NOT_PICKED =
  'Screen recording did not start. Press Record again and choose a screen, window or tab to share, or record with your camera only.';

/**
 * Asks the browser for a screen, before the countdown, so the countdown runs while the author
 * switches to what they want to show. Rejects with a readable Error when cancelled or refused.
 */
export async function pickScreenTrack(pick: PickScreen): Promise<MediaStreamTrack> {
  let stream: MediaStream;
  try {
    stream = await pick();
  } catch {
    throw new Error(SCREEN_NOT_PICKED);
  }
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error(SCREEN_NOT_PICKED);
  if ('contentHint' in track) track.contentHint = 'detail'; // text stays sharp rather than smooth
  return track;
}

/**
 * The microphone alone, for screen-only clips: the same device choice and fallbacks as
 * openLocalTracks, but the camera is never opened (its light stays off).
 */
export function microphoneOnly(deps: MediaDeps): MediaDeps {
  const empty = { getTracks: () => [], getAudioTracks: () => [], getVideoTracks: () => [] } as unknown as MediaStream;
  return {
    ...deps,
    getUserMedia: (c) => (c.audio ? deps.getUserMedia({ audio: c.audio }) : Promise.resolve(empty)),
  };
}
