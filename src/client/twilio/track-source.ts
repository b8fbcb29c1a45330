import type { TrackKind, TrackSource } from '../video-client';

/**
 * Track names this client publishes under, so every subscriber can tell a screen share from a
 * camera without any side channel (twilio-video carries the name on every publication).
 */
export const TRACK_NAMES: Readonly<Record<TrackSource, string>> = {
  camera: 'camera',
  microphone: 'microphone',
  screen: 'screen',
};

/**
 * The source of a remote track from its name and kind. Names from other clients still map:
 * anything starting with "screen" (twilio-video-app-react names its share `screen`) is a screen,
 * other video is a camera, audio is a microphone. Data tracks are not media: null.
 */
export function sourceOfTrack(name: string, kind: string): { kind: TrackKind; source: TrackSource } | null {
  if (kind === 'audio') return { kind: 'audio', source: 'microphone' };
  if (kind !== 'video') return null;
  return { kind: 'video', source: /^screen/i.test(name) ? 'screen' : 'camera' };
}
