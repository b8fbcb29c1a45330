import type { MediaAccess, ParticipantRole } from '../domain/escalation';

/**
 * The one browser video interface the UI talks to. Shaped on twilio-video's model (Room,
 * LocalParticipant, RemoteParticipant, tracks and their events) so the Janus implementation here
 * and a twilio-video one fit behind it unchanged.
 */
export type { TrackKind, TrackSource } from '../domain/media';
import type { TrackKind, TrackSource } from '../domain/media';

export interface RemoteTrack {
  /** Stable within the room: `${participantIdentity}:${source}`. */
  sid: string;
  kind: TrackKind;
  source: TrackSource;
  mediaStreamTrack: MediaStreamTrack;
}

export interface RemoteParticipant {
  identity: string;
  displayName: string;
  role: ParticipantRole | 'unknown';
  readonly tracks: ReadonlyArray<RemoteTrack>;
}

export interface LocalParticipant {
  identity: string;
  displayName: string;
  readonly audioEnabled: boolean;
  readonly videoEnabled: boolean;
  readonly screenSharing: boolean;
  /** The local camera track for the self view, if any. */
  readonly videoTrack: MediaStreamTrack | null;
  setMicrophoneEnabled(enabled: boolean): void;
  setCameraEnabled(enabled: boolean): Promise<void>;
  /**
   * Asks the browser for a screen and publishes it; rejects with a user-readable Error when refused.
   * With `track`, publishes that already-picked screen instead (the clip recorder picks it before
   * its countdown); the caller keeps owning it: stopping the share does not stop it.
   */
  startScreenShare(track?: MediaStreamTrack): Promise<void>;
  stopScreenShare(): Promise<void>;
}

/** Why a room ended for this browser. */
export type DisconnectReason =
  | 'left' // this user left
  | 'ended' // the call was ended for everyone
  | 'replaced' // the same link joined from another tab or device
  | 'network' // reconnection failed
  | 'error';

export type NetworkQualityLevel = 0 | 1 | 2 | 3 | 4 | 5;

export interface RoomEvents {
  participantConnected: (participant: RemoteParticipant) => void;
  participantDisconnected: (participant: RemoteParticipant) => void;
  trackSubscribed: (track: RemoteTrack, participant: RemoteParticipant) => void;
  trackUnsubscribed: (track: RemoteTrack, participant: RemoteParticipant) => void;
  reconnecting: () => void;
  reconnected: () => void;
  disconnected: (reason: DisconnectReason) => void;
  networkQualityLevelChanged: (level: NetworkQualityLevel) => void;
  /** Local state changed (mute, camera, screen share): re-render controls. */
  localChanged: () => void;
}

export type RoomState = 'connected' | 'reconnecting' | 'disconnected';

export interface VideoRoom {
  readonly name: string;
  readonly state: RoomState;
  readonly localParticipant: LocalParticipant;
  /** Keyed by identity. */
  readonly participants: ReadonlyMap<string, RemoteParticipant>;
  on<E extends keyof RoomEvents>(event: E, listener: RoomEvents[E]): () => void;
  disconnect(): void;
}

export interface LocalMedia {
  audio?: MediaStreamTrack;
  video?: MediaStreamTrack;
}

export interface VideoClient {
  connect(access: MediaAccess, local: LocalMedia): Promise<VideoRoom>;
}
