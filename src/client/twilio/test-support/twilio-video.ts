import { EventEmitter } from 'events';
import type { ConnectOptions } from 'twilio-video';
import type { CaptureDevices } from '../local-participant';
import type { TwilioLocalTrackOptions, TwilioPublishable, TwilioVideoApi } from '../twilio-video-api';
import { fakeMediaStreamTrack, fakeStream, type FakeMediaStreamTrack } from '../../test-support/fake-media-stream-track';

let nextId = 1;

/**
 * An in-memory twilio-video for unit tests, in the spirit of twilio-video-app-react's
 * `__mocks__/twilio-video`: Room, LocalParticipant, RemoteParticipant, RemoteTrackPublication and
 * tracks are EventEmitters that emit what twilio-video emits, with the same arguments, and the
 * test plays the server's part (participants joining, tracks subscribed, reconnects, disconnect
 * errors). Build one per test with createTwilioVideoMock(); it can also stand in for the module:
 * `jest.mock('twilio-video', () => createTwilioVideoMock().video)`.
 *
 * Test code only: production code never imports test-support/.
 */

/** navigator.mediaDevices for the camera (turned back on) and the screen picker. */
export class FakeCaptureDevices implements CaptureDevices {
  readonly calls: string[] = [];
  /** Set to make the next screen pick fail, as when the user cancels the browser's picker. */
  displayError: Error | null = null;
  cameraError: Error | null = null;
  readonly opened: FakeMediaStreamTrack[] = [];

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    this.calls.push(`getUserMedia:${JSON.stringify(constraints)}`);
    if (this.cameraError) throw this.cameraError;
    const t = fakeMediaStreamTrack('video', { id: `camera-${nextId++}` });
    this.opened.push(t);
    return fakeStream(t);
  }

  async getDisplayMedia(options: DisplayMediaStreamOptions): Promise<MediaStream> {
    this.calls.push(`getDisplayMedia:${JSON.stringify(options)}`);
    if (this.displayError) throw this.displayError;
    const t = fakeMediaStreamTrack('video', { id: `screen-${nextId++}` });
    this.opened.push(t);
    return fakeStream(t);
  }
}

// ---- errors ----

export class TwilioError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TwilioError';
  }
}

export const twilioError = (code: number, message = `TwilioError ${code}`): TwilioError => new TwilioError(code, message);

// ---- local side ----

abstract class MockLocalTrack extends EventEmitter {
  abstract readonly kind: 'audio' | 'video';
  readonly name: string;
  isStopped = false;

  constructor(
    readonly mediaStreamTrack: MediaStreamTrack,
    options: TwilioLocalTrackOptions = {},
  ) {
    super();
    this.name = options.name ?? mediaStreamTrack.id;
  }

  get isEnabled(): boolean {
    return this.mediaStreamTrack.enabled;
  }

  enable(enabled = true): this {
    this.mediaStreamTrack.enabled = enabled;
    this.emit(enabled ? 'enabled' : 'disabled', this);
    return this;
  }

  disable(): this {
    return this.enable(false);
  }

  stop(): this {
    this.mediaStreamTrack.stop();
    this.isStopped = true;
    this.emit('stopped', this);
    return this;
  }
}

export class LocalAudioTrack extends MockLocalTrack {
  readonly kind = 'audio';
}

export class LocalVideoTrack extends MockLocalTrack {
  readonly kind = 'video';
}

export type LocalTrack = LocalAudioTrack | LocalVideoTrack;

export interface LocalPublication {
  track: LocalTrack;
  trackName: string;
  priority: 'low' | 'standard' | 'high';
}

export class LocalParticipant extends EventEmitter {
  readonly sid = 'PAlocal';
  networkQualityLevel: number | null = null;
  /** Published tracks, in order. */
  readonly published: LocalPublication[] = [];
  /** What the client asked for, e.g. `publish:screen:high`, `unpublish:camera`. */
  readonly log: string[] = [];
  /** Set to make the next publishTrack reject (e.g. with a TwilioError). */
  publishError: Error | null = null;
  private gate: Promise<void> | null = null;

  constructor(readonly identity: string) {
    super();
  }

  async publishTrack(track: TwilioPublishable, options: { priority?: 'low' | 'standard' | 'high' } = {}): Promise<LocalPublication> {
    const t = asLocalTrack(track);
    const priority = options.priority ?? 'standard';
    this.log.push(`publish:${t.name}:${priority}`);
    const publication = { track: t, trackName: t.name, priority };
    this.published.push(publication);
    if (this.gate) await this.gate;
    if (!this.published.includes(publication)) throw twilioError(0, 'The LocalTrack was unpublished');
    const error = this.publishError;
    this.publishError = null;
    if (error) {
      this.published.splice(this.published.indexOf(publication), 1);
      throw error;
    }
    return publication;
  }

  unpublishTrack(track: TwilioPublishable): LocalPublication | null {
    const t = asLocalTrack(track);
    this.log.push(`unpublish:${t.name}`);
    const i = this.published.findIndex((p) => p.track === t);
    return i >= 0 ? this.published.splice(i, 1)[0] : null;
  }

  /** Holds every publishTrack until the returned function is called (to test races). */
  holdPublishing(): () => void {
    let release!: () => void;
    this.gate = new Promise((r) => (release = r));
    return () => {
      this.gate = null;
      release();
    };
  }

  publishedNames(): string[] {
    return this.published.map((p) => p.trackName);
  }

  /** twilio-video's local network quality report (level 0–5, null = unknown). */
  setNetworkQualityLevel(level: number | null): void {
    this.networkQualityLevel = level;
    this.emit('networkQualityLevelChanged', level, null);
  }
}

function asLocalTrack(track: TwilioPublishable): LocalTrack {
  if (!(track instanceof LocalAudioTrack || track instanceof LocalVideoTrack)) {
    // twilio-video's own check (validateLocalTrack) is an instanceof against its classes.
    throw new TypeError('track must be a LocalAudioTrack or LocalVideoTrack of this module');
  }
  return track;
}

// ---- remote side ----

export class RemoteTrack extends EventEmitter {
  isEnabled = true;
  isSwitchedOff = false;
  constructor(
    readonly sid: string,
    readonly kind: 'audio' | 'video' | 'data',
    readonly name: string,
    readonly mediaStreamTrack: MediaStreamTrack | undefined,
  ) {
    super();
  }
}

export class RemoteTrackPublication extends EventEmitter {
  track: RemoteTrack | null = null;
  constructor(
    readonly trackSid: string,
    readonly trackName: string,
    readonly kind: 'audio' | 'video' | 'data',
    readonly publishPriority: 'low' | 'standard' | 'high',
  ) {
    super();
  }
  get isSubscribed(): boolean {
    return !!this.track;
  }
}

let nextSid = 1;
const sid = (prefix: string) => `${prefix}${String(nextSid++).padStart(6, '0')}`;

export class RemoteParticipant extends EventEmitter {
  readonly sid = sid('PA');
  state: 'connected' | 'reconnecting' | 'disconnected' = 'connected';
  networkQualityLevel: number | null = null;
  readonly tracks = new Map<string, RemoteTrackPublication>();

  constructor(
    private readonly room: Room,
    readonly identity: string,
  ) {
    super();
  }

  /** The participant publishes a track; by default this browser subscribes to it at once. */
  publish(name: string, kind: 'audio' | 'video' | 'data', options: { subscribe?: boolean; priority?: 'low' | 'standard' | 'high' } = {}): RemoteTrackPublication {
    const pub = new RemoteTrackPublication(sid('MT'), name, kind, options.priority ?? 'standard');
    this.tracks.set(pub.trackSid, pub);
    this.reemit('trackPublished', pub);
    if (options.subscribe !== false) this.subscribe(pub);
    return pub;
  }

  subscribe(pub: RemoteTrackPublication): RemoteTrack {
    const mst = pub.kind === 'data' ? undefined : fakeMediaStreamTrack(pub.kind, { id: `${this.identity}-${pub.trackName}-${pub.trackSid}` });
    const track = new RemoteTrack(pub.trackSid, pub.kind, pub.trackName, mst);
    pub.track = track;
    pub.emit('subscribed', track);
    this.reemit('trackSubscribed', track, pub);
    return track;
  }

  unsubscribe(pub: RemoteTrackPublication): void {
    const track = pub.track;
    if (!track) return;
    pub.track = null;
    pub.emit('unsubscribed', track);
    this.reemit('trackUnsubscribed', track, pub);
  }

  unpublish(pub: RemoteTrackPublication): void {
    this.unsubscribe(pub);
    this.tracks.delete(pub.trackSid);
    this.reemit('trackUnpublished', pub);
  }

  /** The track named `name`, e.g. to unpublish it. */
  publication(name: string): RemoteTrackPublication {
    const pub = [...this.tracks.values()].find((p) => p.trackName === name);
    if (!pub) throw new Error(`${this.identity} has no track named ${name}`);
    return pub;
  }

  unsubscribeAll(): void {
    for (const pub of this.tracks.values()) this.unsubscribe(pub);
  }

  /** As twilio-video's Room does: a participant's event is re-emitted by the room with the participant last. */
  private reemit(event: string, ...args: unknown[]): void {
    this.emit(event, ...args);
    this.room.emit(event, ...args, this);
  }
}

export class Room extends EventEmitter {
  readonly sid = sid('RM');
  state: 'connected' | 'reconnecting' | 'disconnected' = 'connected';
  readonly participants = new Map<string, RemoteParticipant>();
  dominantSpeaker: RemoteParticipant | null = null;
  readonly localParticipant: LocalParticipant;
  disconnectCalls = 0;

  constructor(
    readonly name: string,
    localIdentity: string,
  ) {
    super();
    this.localParticipant = new LocalParticipant(localIdentity);
  }

  disconnect(): this {
    this.disconnectCalls += 1;
    this.end(undefined);
    return this;
  }

  // ---- the server's side ----

  /** Someone joins; `announce: false` puts them in the room silently (already there at connect). */
  addParticipant(identity: string, options: { announce?: boolean } = {}): RemoteParticipant {
    const p = new RemoteParticipant(this, identity);
    this.participants.set(p.sid, p);
    if (options.announce !== false) this.emit('participantConnected', p);
    return p;
  }

  removeParticipant(p: RemoteParticipant): void {
    if (!this.participants.has(p.sid)) return;
    p.unsubscribeAll();
    this.participants.delete(p.sid);
    p.state = 'disconnected';
    p.emit('disconnected', p);
    this.emit('participantDisconnected', p);
    if (this.dominantSpeaker === p) this.setDominantSpeaker(null);
  }

  setDominantSpeaker(p: RemoteParticipant | null): void {
    this.dominantSpeaker = p;
    this.emit('dominantSpeakerChanged', p);
  }

  reconnecting(error: TwilioError = twilioError(53001, 'Signaling connection disconnected')): void {
    this.state = 'reconnecting';
    this.emit('reconnecting', error);
  }

  reconnected(): void {
    this.state = 'connected';
    this.emit('reconnected');
  }

  /** The server (or the network) ends this browser's session; no error = removed via the REST API. */
  serverDisconnect(error?: TwilioError): void {
    this.end(error);
  }

  private end(error: TwilioError | undefined): void {
    if (this.state === 'disconnected') return;
    this.state = 'disconnected';
    for (const p of this.participants.values()) p.unsubscribeAll();
    this.emit('disconnected', this, error);
    this.localParticipant.published.splice(0);
  }
}

// ---- the module ----

export interface ConnectCall {
  token: string;
  options: ConnectOptions;
}

export interface TwilioVideoMock {
  /** Pass as TwilioVideoClientOptions.video. */
  video: TwilioVideoApi;
  readonly connects: ConnectCall[];
  readonly rooms: Room[];
  /** The most recent room. */
  readonly room: Room;
  /** Set to make the next connect reject (e.g. twilioError(20104)). */
  connectError: Error | null;
  /** Runs on each new room before connect resolves: participants and tracks already there. */
  beforeConnect: ((room: Room) => void) | null;
}

export function createTwilioVideoMock(localIdentity = 'local'): TwilioVideoMock {
  const mock: TwilioVideoMock = {
    connects: [],
    rooms: [],
    get room(): Room {
      const room = mock.rooms[mock.rooms.length - 1];
      if (!room) throw new Error('no room: connect() was not called');
      return room;
    },
    connectError: null,
    beforeConnect: null,
    video: {
      LocalAudioTrack,
      LocalVideoTrack,
      async connect(token: string, options: ConnectOptions): Promise<Room> {
        mock.connects.push({ token, options });
        const error = mock.connectError;
        mock.connectError = null;
        if (error) throw error;
        const room = new Room(options.name ?? 'room', localIdentity);
        for (const track of options.tracks ?? []) {
          const t = asLocalTrack(track as TwilioPublishable);
          room.localParticipant.published.push({ track: t, trackName: t.name, priority: 'standard' });
        }
        mock.rooms.push(room);
        mock.beforeConnect?.(room);
        return room;
      },
    },
  };
  return mock;
}
