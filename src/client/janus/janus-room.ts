import type { MediaAccess } from '../../domain/escalation';
import type { DisconnectReason, LocalMedia, NetworkQualityLevel, RemoteParticipant, RoomEvents, RoomState, VideoRoom } from '../video-client';
import { Emitter } from '../emitter';
import { JanusLocalParticipant } from './local-participant';
import { VIDEOROOM_EVENT, VIDEOROOM_REQUEST } from './janus-protocol';
import { JanusPublisher } from './janus-publisher';
import { JanusSession, VideoRoomError } from './janus-session';
import { JanusSubscriber, type SubscribedStream } from './janus-subscriber';
import { LinkSampler, qualityLevel } from './network-quality';
import { encodeDisplay, type FeedSource } from './participant-display';
import { Roster } from './remote-participants';

const ICE_GRACE_MS = 3000; // 'disconnected' often heals by itself
const RECOVERY_DEADLINE_MS = 25_000;
const STATS_EVERY_MS = 3000;

type Trouble = 'socket' | 'ice';

/** A joined Janus VideoRoom, behind the provider-neutral VideoRoom interface. */
export class JanusRoom implements VideoRoom {
  readonly name: string;
  readonly localParticipant: JanusLocalParticipant;
  private roomState: RoomState = 'connected';
  private readonly events = new Emitter<RoomEvents>();
  private readonly session: JanusSession;
  private readonly roster: Roster;
  private readonly subscriber: JanusSubscriber;
  private camera: JanusPublisher | null = null;
  private screen: JanusPublisher | null = null;
  private readonly roomId: number;
  private readonly ownFeeds: Set<number>;
  private readonly troubles = new Set<Trouble>();
  private recoveryTimer: ReturnType<typeof setTimeout> | null = null;
  private iceTimer: ReturnType<typeof setTimeout> | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private readonly sampler = new LinkSampler();
  private quality: NetworkQualityLevel | null = null;
  /** Feeds seen while joining: subscribed only once connect() has resolved, so the caller's
   * trackSubscribed listeners see every track (participants already there are in `participants`). */
  private deferred: number[] | null = [];

  constructor(
    private readonly access: MediaAccess & { serverUrl: string; serverToken: string; publisherIds: { camera: number; screen: number } },
    private readonly local: LocalMedia,
  ) {
    this.name = access.roomName;
    this.roomId = Number(access.roomSid);
    this.ownFeeds = new Set([access.publisherIds.camera, access.publisherIds.screen]);
    this.session = new JanusSession(access.serverUrl, access.serverToken, {
      onReconnecting: () => this.troubleStarted('socket'),
      onReconnected: () => {
        this.troubleEnded('socket');
        void this.resync();
      },
      onLost: () => this.end('network'),
    });
    this.roster = new Roster({
      participantConnected: (p) => this.events.emit('participantConnected', p),
      participantDisconnected: (p) => this.events.emit('participantDisconnected', p),
      trackSubscribed: (t, p) => this.events.emit('trackSubscribed', t, p),
      trackUnsubscribed: (t, p) => this.events.emit('trackUnsubscribed', t, p),
    });
    this.subscriber = new JanusSubscriber(this.session, {
      room: this.roomId,
      token: access.token,
      onTrack: (s, track) => this.roster.addTrack(s.mid, s.feedId, track),
      onStreamsChanged: (streams) => this.syncStreams(streams),
      onIceState: (s) => this.onIceState(s),
      onEvent: (d) => this.onRoomEvent(d),
    });
    this.localParticipant = new JanusLocalParticipant(access.identity, access.displayName, local.audio ?? null, local.video ?? null, {
      replaceCamera: async (track) => this.camera?.replaceTrack('video', track),
      publishScreen: (track) => this.publishScreen(track),
      unpublishScreen: () => this.unpublishScreen(),
      changed: () => this.events.emit('localChanged'),
    });
  }

  get state(): RoomState {
    return this.roomState;
  }

  get participants(): ReadonlyMap<string, RemoteParticipant> {
    return this.roster.participants;
  }

  on<E extends keyof RoomEvents>(event: E, listener: RoomEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  disconnect(): void {
    void this.end('left');
  }

  /** Joins and publishes; rejects (and cleans up) when the server refuses. */
  async start(): Promise<void> {
    try {
      await this.session.start();
      this.camera = this.newPublisher('camera', this.local.audio ?? null, this.local.video ?? null);
      const joined = await this.camera.join();
      this.onRoomEvent(joined);
      // A silent monitor's handle joins only to hear of feeds; the proxy would refuse a publish anyway.
      if (!this.access.receiveOnly) await this.camera.publish();
      const early = this.deferred ?? [];
      this.deferred = null;
      if (early.length) setTimeout(() => this.subscribe(early), 0);
      this.statsTimer = setInterval(() => void this.measure(), STATS_EVERY_MS);
    } catch (e) {
      this.roomState = 'disconnected';
      this.camera?.close();
      this.subscriber.close();
      await this.session.destroy();
      throw e;
    }
  }

  /** Test hook: drops the WebSocket as a network fault would (recovery is automatic). */
  simulateSocketDrop(): void {
    this.session.dropForTest();
  }

  private newPublisher(source: FeedSource, audio: MediaStreamTrack | null, video: MediaStreamTrack | null): JanusPublisher {
    const a = this.access;
    return new JanusPublisher(this.session, {
      room: this.roomId,
      feedId: source === 'camera' ? a.publisherIds.camera : a.publisherIds.screen,
      token: a.token,
      // A silent monitor's handle carries no display: Janus tells the room an id joined, never who.
      display: a.receiveOnly ? undefined : encodeDisplay({ identity: a.identity, displayName: a.displayName, role: a.role, source }),
      audio,
      video,
      sendAudio: source === 'camera',
      onEvent: (d) => this.onRoomEvent(d),
      onIceState: (s) => this.onIceState(s),
    });
  }

  private async publishScreen(track: MediaStreamTrack): Promise<void> {
    const publisher = this.newPublisher('screen', null, track);
    this.screen = publisher;
    try {
      await publisher.join();
      await publisher.publish();
    } catch (e) {
      this.screen = null;
      await publisher.leave();
      throw e;
    }
  }

  private async unpublishScreen(): Promise<void> {
    const publisher = this.screen;
    this.screen = null;
    await publisher?.leave();
  }

  /** VideoRoom events from any of our handles. */
  private onRoomEvent(data: Record<string, unknown>): void {
    if (this.roomState === 'disconnected') return;
    if (data.videoroom === VIDEOROOM_EVENT.DESTROYED) return void this.end('ended');
    if (data.leaving === 'ok' && data.reason === 'kicked') return void this.end('replaced');
    if (typeof data.kicked === 'number' && this.ownFeeds.has(data.kicked)) return void this.end('replaced');
    const publishers = data.publishers;
    if (Array.isArray(publishers)) {
      const added = (publishers as Array<{ id: number; display?: string }>)
        .filter((p) => typeof p.id === 'number' && !this.ownFeeds.has(p.id))
        .filter((p) => this.roster.addFeed(p.id, p.display) || true)
        .map((p) => p.id);
      if (added.length && this.deferred) this.deferred.push(...added);
      else if (added.length) this.subscribe(added);
    }
    for (const key of ['unpublished', 'leaving', 'kicked'] as const) {
      const feed = data[key];
      if (typeof feed === 'number' && !this.ownFeeds.has(feed) && this.roster.hasFeed(feed)) {
        this.roster.removeFeed(feed);
        void this.subscriber.unsubscribe(feed);
      }
    }
  }

  /** Events sent while the socket was down are lost: rebuild the feed list from the server's. */
  private async resync(): Promise<void> {
    if (!this.camera || this.roomState === 'disconnected') return;
    try {
      const data = await this.camera.request({ request: VIDEOROOM_REQUEST.LIST_PARTICIPANTS, room: this.roomId });
      const list = (data.participants ?? []) as Array<{ id: number; display?: string; publisher?: boolean }>;
      const publishing = list.filter((p) => p.publisher && !this.ownFeeds.has(p.id));
      const present = new Set(publishing.map((p) => p.id));
      for (const feed of this.roster.feedIds()) {
        if (!present.has(feed)) {
          this.roster.removeFeed(feed);
          void this.subscriber.unsubscribe(feed);
        }
      }
      this.onRoomEvent({ publishers: publishing });
    } catch (e) {
      if (e instanceof VideoRoomError && e.code === 426) void this.end('ended'); // the room went away meanwhile
    }
  }

  private subscribe(feeds: number[]): void {
    if (this.roomState === 'disconnected') return;
    this.subscriber.subscribe(feeds).catch((e: unknown) => console.warn('video: could not receive a participant', String(e)));
  }

  private syncStreams(streams: SubscribedStream[]): void {
    this.roster.syncMids(new Map(streams.filter((s) => s.active).map((s) => [s.mid, s.feedId])));
  }

  private onIceState(state: RTCIceConnectionState): void {
    if (this.roomState === 'disconnected') return;
    if (state === 'failed') this.iceTrouble();
    else if (state === 'disconnected') {
      this.iceTimer ??= setTimeout(() => this.iceTrouble(), ICE_GRACE_MS);
    } else if (state === 'connected' || state === 'completed') {
      if (this.iceTimer) clearTimeout(this.iceTimer);
      this.iceTimer = null;
      if (this.allIceHealthy()) this.troubleEnded('ice');
    }
  }

  private allIceHealthy(): boolean {
    const pcs = [this.camera?.pc, this.screen?.pc, this.subscriber.pc].filter((pc): pc is RTCPeerConnection => !!pc && pc.connectionState !== 'new' && pc.signalingState !== 'closed');
    return pcs.every((pc) => pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed');
  }

  private iceTrouble(): void {
    this.iceTimer = null;
    if (this.allIceHealthy()) return;
    this.troubleStarted('ice');
    // ICE restart on every PeerConnection that is not healthy.
    const unhealthy = (pc?: RTCPeerConnection): boolean => !!pc && !['connected', 'completed'].includes(pc.iceConnectionState);
    if (unhealthy(this.camera?.pc)) void this.camera?.restartIce().catch(() => undefined);
    if (unhealthy(this.screen?.pc)) void this.screen?.restartIce().catch(() => undefined);
    if (unhealthy(this.subscriber.pc)) void this.subscriber.restartIce().catch(() => undefined);
  }

  private troubleStarted(kind: Trouble): void {
    if (this.roomState === 'disconnected') return;
    const wasFine = this.troubles.size === 0;
    this.troubles.add(kind);
    if (!wasFine) return;
    this.roomState = 'reconnecting';
    this.events.emit('reconnecting');
    this.recoveryTimer = setTimeout(() => void this.end('network'), RECOVERY_DEADLINE_MS);
  }

  private troubleEnded(kind: Trouble): void {
    if (!this.troubles.delete(kind) || this.troubles.size > 0 || this.roomState !== 'reconnecting') return;
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
    this.recoveryTimer = null;
    this.roomState = 'connected';
    this.events.emit('reconnected');
    // The socket was down: ICE may have failed meanwhile without a restart being possible.
    if (kind === 'socket' && !this.allIceHealthy()) this.iceTrouble();
  }

  private async measure(): Promise<void> {
    const pcs = [this.camera?.pc, this.subscriber.pc].filter((pc): pc is RTCPeerConnection => !!pc && pc.signalingState !== 'closed');
    try {
      const reports = await Promise.all(pcs.map((pc) => pc.getStats()));
      const level = this.roomState === 'connected' ? qualityLevel(this.sampler.sample(reports)) : 0;
      if (level !== this.quality) {
        this.quality = level;
        this.events.emit('networkQualityLevelChanged', level);
      }
    } catch {
      // a PeerConnection closed mid-measurement
    }
  }

  private async end(reason: DisconnectReason): Promise<void> {
    if (this.roomState === 'disconnected') return;
    this.roomState = 'disconnected';
    for (const t of [this.recoveryTimer, this.iceTimer]) if (t) clearTimeout(t);
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.localParticipant.releaseOwned();
    const polite = reason === 'left';
    const publishers = [this.camera, this.screen].filter((p): p is JanusPublisher => !!p);
    if (polite) {
      await Promise.all([...publishers.map((p) => p.leave()), this.subscriber.leave()]);
    } else {
      publishers.forEach((p) => p.close());
      this.subscriber.close();
    }
    await this.session.destroy();
    this.roster.clear();
    this.events.emit('disconnected', reason);
  }
}
