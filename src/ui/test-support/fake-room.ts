import type {
  DisconnectReason,
  LocalMedia,
  LocalParticipant,
  NetworkQualityLevel,
  RemoteParticipant,
  RemoteTrack,
  RoomEvents,
  RoomState,
  TrackKind,
  TrackSource,
  VideoClient,
  VideoRoom,
} from '../../client/video-client';
import type { MediaAccess } from '../../domain/escalation';
import { fakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';

/**
 * In-memory VideoRoom for UI tests: records what the UI asked for and lets the test play the
 * server's part (participants arriving, tracks, reconnects, disconnect reasons).
 */
type Listeners = { [E in keyof RoomEvents]: Set<RoomEvents[E]> };


export class FakeLocalParticipant implements LocalParticipant {
  audioEnabled = true;
  videoEnabled = true;
  screenSharing = false;
  calls: string[] = [];
  /** Set to make the next startScreenShare reject, as a browser does when the user cancels. */
  screenShareError: Error | null = null;

  constructor(
    private readonly room: FakeRoom,
    public identity: string,
    public displayName: string,
    public videoTrack: MediaStreamTrack | null,
  ) {}

  setMicrophoneEnabled(enabled: boolean): void {
    this.calls.push(`mic:${enabled}`);
    this.audioEnabled = enabled;
    this.room.emit('localChanged');
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    this.calls.push(`camera:${enabled}`);
    this.videoEnabled = enabled;
    this.room.emit('localChanged');
  }

  async startScreenShare(track?: MediaStreamTrack): Promise<void> {
    this.calls.push(track ? `screen:start:${track.id}` : 'screen:start');
    if (this.screenShareError) throw this.screenShareError;
    this.screenSharing = true;
    this.room.emit('localChanged');
  }

  async stopScreenShare(): Promise<void> {
    this.calls.push('screen:stop');
    this.screenSharing = false;
    this.room.emit('localChanged');
  }
}

export class FakeRemoteParticipant implements RemoteParticipant {
  tracks: RemoteTrack[] = [];
  constructor(
    public identity: string,
    public displayName: string,
    public role: RemoteParticipant['role'] = 'customer',
  ) {}
}

export class FakeRoom implements VideoRoom {
  state: RoomState = 'connected';
  readonly participants = new Map<string, FakeRemoteParticipant>();
  readonly localParticipant: FakeLocalParticipant;
  disconnectCalls = 0;
  private readonly listeners = {} as Listeners;

  constructor(
    public name = 'esc-test',
    local: { identity?: string; displayName?: string; video?: MediaStreamTrack | null } = {},
  ) {
    this.localParticipant = new FakeLocalParticipant(
      this,
      local.identity ?? 'agent:alex',
      local.displayName ?? 'Alex',
      local.video === undefined ? fakeMediaStreamTrack('video', { id: 'local-camera' }) : local.video,
    );
  }

  on<E extends keyof RoomEvents>(event: E, listener: RoomEvents[E]): () => void {
    const set = (this.listeners[event] ??= new Set() as Listeners[E]);
    set.add(listener);
    return () => set.delete(listener);
  }

  listenerCount(event: keyof RoomEvents): number {
    return this.listeners[event]?.size ?? 0;
  }

  emit<E extends keyof RoomEvents>(event: E, ...args: Parameters<RoomEvents[E]>): void {
    for (const l of [...(this.listeners[event] ?? [])]) (l as (...a: unknown[]) => void)(...args);
  }

  disconnect(): void {
    this.disconnectCalls += 1;
    this.end('left');
  }

  // ---- the server's side ----

  addParticipant(identity: string, displayName: string, role: RemoteParticipant['role'] = 'customer'): FakeRemoteParticipant {
    const p = new FakeRemoteParticipant(identity, displayName, role);
    this.participants.set(identity, p);
    this.emit('participantConnected', p);
    return p;
  }

  removeParticipant(identity: string): void {
    const p = this.participants.get(identity);
    if (!p) return;
    this.participants.delete(identity);
    this.emit('participantDisconnected', p);
  }

  publish(p: FakeRemoteParticipant, source: TrackSource, track?: MediaStreamTrack): RemoteTrack {
    const kind: TrackKind = source === 'microphone' ? 'audio' : 'video';
    const t: RemoteTrack = { sid: `${p.identity}:${source}`, kind, source, mediaStreamTrack: track ?? fakeMediaStreamTrack(kind, { id: `${p.identity}-${source}` }) };
    p.tracks = [...p.tracks, t];
    this.emit('trackSubscribed', t, p);
    return t;
  }

  unpublish(p: FakeRemoteParticipant, source: TrackSource): void {
    const t = p.tracks.find((x) => x.source === source);
    if (!t) return;
    p.tracks = p.tracks.filter((x) => x !== t);
    this.emit('trackUnsubscribed', t, p);
  }

  setState(state: RoomState): void {
    this.state = state;
    if (state === 'reconnecting') this.emit('reconnecting');
    if (state === 'connected') this.emit('reconnected');
  }

  setNetworkQuality(level: NetworkQualityLevel): void {
    this.emit('networkQualityLevelChanged', level);
  }

  end(reason: DisconnectReason): void {
    if (this.state === 'disconnected') return;
    this.state = 'disconnected';
    this.emit('disconnected', reason);
  }
}

/** A VideoClient that hands out FakeRooms and remembers what it was asked to connect with. */
export class FakeVideoClient implements VideoClient {
  readonly connects: { access: MediaAccess; local: LocalMedia }[] = [];
  rooms: FakeRoom[] = [];
  failWith: Error | null = null;

  async connect(access: MediaAccess, local: LocalMedia): Promise<VideoRoom> {
    this.connects.push({ access, local });
    if (this.failWith) throw this.failWith;
    const room = new FakeRoom(access.roomName, { identity: access.identity, displayName: access.displayName, video: local.video ?? null });
    this.rooms.push(room);
    return room;
  }
}

export function fakeAccess(overrides: Partial<MediaAccess> = {}): MediaAccess {
  return {
    provider: 'janus',
    roomName: 'esc-1',
    roomSid: '1234',
    identity: 'customer:c1',
    displayName: 'Customer',
    role: 'customer',
    token: 'room-token',
    serverUrl: 'ws://127.0.0.1:8188',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    ...overrides,
  };
}
