import type { BandwidthProfileOptions, ConnectOptions } from 'twilio-video';
import type { TwilioLocalTrack } from './twilio-video-api';

/**
 * How the SFU shares the downlink. `collaboration` keeps every video on but gives a shared screen
 * (published with priority `high`) the bandwidth first; cameras publish `standard`.
 *
 * Switch-off and content preferences are `manual` on purpose: in `auto` twilio-video decides from
 * the <video> elements a RemoteVideoTrack was attach()ed to, and switches a track off (after a few
 * seconds) when it is attached to none. The UI behind this client renders the plain
 * MediaStreamTrack in its own elements and never calls attach(), so `auto` would switch off every
 * remote video. In `manual`, tracks stay on and the server alone sizes them from priority and
 * bandwidth (`trackSwitchOffMode: 'detected'`: only real congestion switches a video off).
 */
export const DEFAULT_BANDWIDTH_PROFILE: BandwidthProfileOptions = {
  video: {
    mode: 'collaboration',
    dominantSpeakerPriority: 'standard',
    trackSwitchOffMode: 'detected',
    clientTrackSwitchOffControl: 'manual',
    contentPreferencesMode: 'manual',
  },
};

/** Publish priorities (a screen share is what the other side needs to read). */
export const PUBLISH_PRIORITY = { camera: 'standard', microphone: 'standard', screen: 'high' } as const;

/**
 * Connect options for a group room. `tracks` is always an array, even empty (a silent supervisor):
 * without it twilio-video would open the camera and microphone itself.
 */
export function connectOptions(roomName: string, tracks: TwilioLocalTrack[], overrides: Partial<ConnectOptions> = {}): ConnectOptions {
  return {
    name: roomName,
    tracks: tracks as NonNullable<ConnectOptions['tracks']>,
    audio: false,
    video: false,
    bandwidthProfile: DEFAULT_BANDWIDTH_PROFILE,
    dominantSpeaker: true,
    // Local level drives the quality meter; remote levels come at the lowest verbosity.
    networkQuality: { local: 1, remote: 1 },
    // Adaptive simulcast: VP8 layers the SFU turns on only when some subscriber needs them.
    preferredVideoCodecs: 'auto',
    // Opus with DTX (silence is not sent), as twilio-video defaults to; stated so it is not changed by accident.
    preferredAudioCodecs: [{ codec: 'opus', dtx: true }],
    ...overrides,
  };
}
