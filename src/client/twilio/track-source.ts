import type { TrackKind, TrackSource } from '../video-client';

/**
 * What each track name this client publishes starts with, so every subscriber can tell a screen
 * share from a camera without any side channel (twilio-video carries the name on every
 * publication), and a composition can select a kind of track with Twilio's `*` wildcard
 * (`camera*`, `screen*`).
 */
export const TRACK_NAME_PREFIXES: Readonly<Record<TrackSource, string>> = {
  camera: 'camera',
  microphone: 'microphone',
  screen: 'screen',
};

/**
 * One participant's track names: `microphone-<suffix>`, `camera-<suffix>`, `screen-<suffix>`.
 * Unique per participant, so a composition's `AudioSources` or a layout's `video_sources` never
 * match another participant's track by accident (a bare `microphone` matched everyone's).
 */
export function trackNamesFor(suffix: string): Readonly<Record<TrackSource, string>> {
  const { camera, microphone, screen } = TRACK_NAME_PREFIXES;
  return { camera: `${camera}-${suffix}`, microphone: `${microphone}-${suffix}`, screen: `${screen}-${suffix}` };
}

/** A fresh suffix per connection: random, so a track name says nothing about who published it. */
export function newTrackNameSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Compositions pattern for every participant's track of one source, e.g. `screen*`. */
export const trackNamePattern = (source: TrackSource): string => `${TRACK_NAME_PREFIXES[source]}*`;

/** Whether a track name is one this client publishes for that source (what `trackNamePattern` matches). */
export const isTrackOf = (source: TrackSource, name: string): boolean => name.startsWith(TRACK_NAME_PREFIXES[source]);

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
