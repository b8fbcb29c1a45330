import type { ConnectOptions } from 'twilio-video';

/**
 * The part of the `twilio-video` module this client uses, as structural types. The real module
 * is checked against it where production wires it in (create-twilio-video-client.ts), and the
 * EventEmitter double in test-support/ implements it without casts.
 */

/** Any listener: twilio-video's events pass different arguments each (its own typings use `any[]`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyListener = (...args: any[]) => void;

export interface TwilioEmitter {
  on(event: string, listener: AnyListener): unknown;
  removeListener(event: string, listener: AnyListener): unknown;
}

/** LocalAudioTrack / LocalVideoTrack. */
export interface TwilioLocalTrack {
  kind: string;
  name: string;
  mediaStreamTrack: MediaStreamTrack;
  isEnabled: boolean;
  enable(enabled?: boolean): unknown;
  stop(): unknown;
}

export interface TwilioLocalTrackOptions {
  name?: string;
}

export type TwilioLocalTrackClass = new (mediaStreamTrack: MediaStreamTrack, options?: TwilioLocalTrackOptions) => TwilioLocalTrack;

/** RemoteAudioTrack / RemoteVideoTrack / RemoteDataTrack (data tracks have no MediaStreamTrack). */
export interface TwilioRemoteTrack {
  sid: string;
  kind: string;
  name: string;
  mediaStreamTrack?: MediaStreamTrack;
}

export interface TwilioRemoteTrackPublication {
  trackSid: string;
  trackName: string;
  kind: string;
  track: TwilioRemoteTrack | null;
}

export interface TwilioRemoteParticipant {
  sid: string;
  identity: string;
  tracks: Map<string, TwilioRemoteTrackPublication>;
}

/** Any track twilio-video can publish: typed loosely so its overloads (LocalTrack | MediaStreamTrack) fit. */
export interface TwilioPublishable {
  kind: string;
}

export interface TwilioLocalParticipant extends TwilioEmitter {
  identity: string;
  networkQualityLevel: number | null;
  publishTrack(track: TwilioPublishable, options?: { priority?: 'low' | 'standard' | 'high' }): Promise<unknown>;
  unpublishTrack(track: TwilioPublishable): unknown;
}

export interface TwilioRoom extends TwilioEmitter {
  sid: string;
  name: string;
  state: string;
  localParticipant: TwilioLocalParticipant;
  participants: Map<string, TwilioRemoteParticipant>;
  dominantSpeaker: TwilioRemoteParticipant | null;
  disconnect(): unknown;
}

/** `import * as Video from 'twilio-video'`, narrowed to what the client calls. */
export interface TwilioVideoApi {
  connect(token: string, options: ConnectOptions): Promise<TwilioRoom>;
  LocalAudioTrack: TwilioLocalTrackClass;
  LocalVideoTrack: TwilioLocalTrackClass;
}

/** What the error objects twilio-video rejects or disconnects with carry (TwilioError). */
export interface TwilioErrorLike {
  code?: number;
  message?: string;
}
