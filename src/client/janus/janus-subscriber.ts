import { VIDEOROOM_PTYPE, VIDEOROOM_REQUEST } from './janus-protocol';
import type { JanusMessage } from './janus-socket';
import type { JanusSession, PluginReply } from './janus-session';

/** One stream of the subscription, as Janus describes it in `attached`/`updated` events. */
export interface SubscribedStream {
  mid: string;
  type: 'audio' | 'video' | 'data';
  feedId: number;
  active: boolean;
}

export interface SubscriberOptions {
  room: number;
  token: string;
  /** A remote track arrived (or was removed) on a mid. */
  onTrack(stream: SubscribedStream, track: MediaStreamTrack): void;
  onStreamsChanged(streams: SubscribedStream[]): void;
  onIceState(state: RTCIceConnectionState): void;
  onEvent(data: Record<string, unknown>): void;
}

/**
 * One multistream subscriber (Janus 1.x) for every remote feed: feeds are added and removed with
 * `update`, and every offer Janus makes (in a reply or on its own) is answered with `start`.
 * Operations are serialised so renegotiations never overlap.
 */
export class JanusSubscriber {
  readonly pc: RTCPeerConnection;
  private handleId = 0;
  private joined = false;
  private streams = new Map<string, SubscribedStream>();
  private readonly feeds = new Set<number>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly session: JanusSession,
    private readonly options: SubscriberOptions,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: [] });
    this.pc.onicecandidate = (e) => this.session.trickle(this.handleId, e.candidate ? e.candidate.toJSON() : null);
    this.pc.oniceconnectionstatechange = () => this.options.onIceState(this.pc.iceConnectionState);
    this.pc.ontrack = (e) => {
      const mid = e.transceiver.mid ?? '';
      const stream = this.streams.get(mid);
      if (stream) this.options.onTrack(stream, e.track);
    };
  }

  subscribe(feedIds: number[]): Promise<void> {
    return this.serial(async () => {
      const fresh = feedIds.filter((f) => !this.feeds.has(f));
      if (!fresh.length || this.closed) return;
      fresh.forEach((f) => this.feeds.add(f));
      const streams = fresh.map((feed) => ({ feed }));
      try {
        if (!this.joined) {
          if (!this.handleId) this.handleId = await this.session.attach((m) => this.onMessage(m));
          const reply = await this.session.message(this.handleId, { request: VIDEOROOM_REQUEST.JOIN, ptype: VIDEOROOM_PTYPE.SUBSCRIBER, room: this.options.room, token: this.options.token, streams });
          this.joined = true;
          await this.answer(reply);
        } else {
          await this.answer(await this.session.message(this.handleId, { request: VIDEOROOM_REQUEST.UPDATE, subscribe: streams }));
        }
      } catch (e) {
        // Forget them so a later subscribe (e.g. the resync after a reconnect) tries again.
        fresh.forEach((f) => this.feeds.delete(f));
        throw e;
      }
    });
  }

  unsubscribe(feedId: number): Promise<void> {
    return this.serial(async () => {
      if (!this.feeds.delete(feedId) || !this.joined || this.closed) return;
      // Janus may already have dropped the feed (publisher left): then there is nothing to update.
      await this.answer(await this.session.message(this.handleId, { request: VIDEOROOM_REQUEST.UPDATE, unsubscribe: [{ feed: feedId }] })).catch(() => undefined);
    });
  }

  restartIce(): Promise<void> {
    return this.serial(async () => {
      if (!this.joined || this.closed) return;
      await this.answer(await this.session.message(this.handleId, { request: VIDEOROOM_REQUEST.CONFIGURE, restart: true }));
    });
  }

  async leave(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.joined) await this.session.message(this.handleId, { request: VIDEOROOM_REQUEST.LEAVE }).catch(() => undefined);
    if (this.handleId) await this.session.detach(this.handleId);
    this.pc.close();
  }

  close(): void {
    this.closed = true;
    this.pc.close();
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private readStreams(data: Record<string, unknown>): void {
    const list = data.streams as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(list)) return;
    this.streams = new Map(
      list
        .filter((s) => typeof s.mid === 'string')
        .map((s) => [
          s.mid as string,
          { mid: s.mid as string, type: s.type as SubscribedStream['type'], feedId: Number(s.feed_id), active: s.active !== false && s.feed_id !== undefined },
        ]),
    );
    this.options.onStreamsChanged([...this.streams.values()]);
  }

  private async answer(reply: PluginReply): Promise<void> {
    this.readStreams(reply.data);
    if (!reply.jsep || reply.jsep.type !== 'offer' || this.closed) return;
    await this.pc.setRemoteDescription(reply.jsep);
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    await this.session.message(this.handleId, { request: VIDEOROOM_REQUEST.START }, { type: answer.type, sdp: answer.sdp });
  }

  private onMessage(message: JanusMessage): void {
    const data = message.plugindata?.data ?? {};
    // Offers Janus makes on its own (a subscribed feed went away, ICE restart) need an answer too.
    if (message.jsep?.type === 'offer') void this.serial(() => this.answer({ data, jsep: message.jsep }));
    else if (data.streams) this.readStreams(data);
    if (message.plugindata) this.options.onEvent(data);
  }
}
