import { JANUS_EVENT, VIDEOROOM_PTYPE, VIDEOROOM_REQUEST } from './janus-protocol';
import type { JanusMessage } from './janus-socket';
import type { JanusSession, PluginReply } from './janus-session';
import { withOpusBitrate } from './opus-bitrate';

export interface PublisherOptions {
  room: number;
  feedId: number;
  token: string;
  /** Absent for a silent monitor (nothing to show anyone). */
  display?: string;
  /** Tracks to send; a kind listed with no track gets a send slot for a later replaceTrack. */
  audio?: MediaStreamTrack | null;
  video?: MediaStreamTrack | null;
  sendAudio: boolean;
  /** Plugin events on this handle (publishers, unpublished, leaving, kicked, destroyed...). */
  onEvent(data: Record<string, unknown>): void;
  /** ICE state changes of this publisher's PeerConnection. */
  onIceState(state: RTCIceConnectionState): void;
}

/**
 * One VideoRoom publisher: a handle that joins with the granted token and the server-assigned
 * feed id, then publishes its tracks over a send-only PeerConnection (half-trickle ICE).
 */
export class JanusPublisher {
  readonly pc: RTCPeerConnection;
  private handleId = 0;
  private audioSender: RTCRtpSender | null = null;
  private videoSender: RTCRtpSender | null = null;
  private closed = false;

  constructor(
    private readonly session: JanusSession,
    private readonly options: PublisherOptions,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: [] });
    this.pc.onicecandidate = (e) => this.session.trickle(this.handleId, e.candidate ? e.candidate.toJSON() : null);
    this.pc.oniceconnectionstatechange = () => this.options.onIceState(this.pc.iceConnectionState);
  }

  /** Joins the room; resolves with the `joined` data (including publishers already there). */
  async join(): Promise<Record<string, unknown>> {
    this.handleId = await this.session.attach((m) => this.onMessage(m));
    const { data } = await this.session.message(this.handleId, {
      request: VIDEOROOM_REQUEST.JOIN,
      ptype: VIDEOROOM_PTYPE.PUBLISHER,
      room: this.options.room,
      id: this.options.feedId,
      token: this.options.token,
      display: this.options.display,
    });
    return data;
  }

  async publish(): Promise<void> {
    const { audio, video, sendAudio } = this.options;
    if (sendAudio) this.audioSender = this.pc.addTransceiver(audio ?? 'audio', { direction: 'sendonly' }).sender;
    this.videoSender = this.pc.addTransceiver(video ?? 'video', { direction: 'sendonly' }).sender;
    await this.negotiate({ request: VIDEOROOM_REQUEST.PUBLISH });
  }

  /** A synchronous videoroom request on this handle (e.g. listparticipants). */
  async request(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await this.session.message(this.handleId, body)).data;
  }

  /** Swaps the camera/mic without renegotiating (camera off/on, device change). */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const sender = kind === 'audio' ? this.audioSender : this.videoSender;
    await sender?.replaceTrack(track);
  }

  /** ICE restart after a network change: a fresh offer with new credentials. */
  async restartIce(): Promise<void> {
    await this.negotiate({ request: VIDEOROOM_REQUEST.CONFIGURE }, true);
  }

  async leave(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Sent together, not one after the other's answer: a closing tab (pagehide) gets no answers, and
    // Janus closes a publisher's recordings only when its handle goes (detach), not at `leave`.
    const left = this.session.message(this.handleId, { request: VIDEOROOM_REQUEST.LEAVE }).catch(() => undefined);
    const detached = this.session.detach(this.handleId);
    this.pc.close();
    await Promise.all([left, detached]);
  }

  /** Closes locally only (the server already dropped us: kicked, room destroyed). */
  close(): void {
    this.closed = true;
    this.pc.close();
  }

  private async negotiate(body: Record<string, unknown>, iceRestart = false): Promise<void> {
    const offer = await this.pc.createOffer({ iceRestart });
    await this.pc.setLocalDescription(offer);
    const reply: PluginReply = await this.session.message(this.handleId, body, { type: offer.type, sdp: offer.sdp });
    if (!reply.jsep) throw new Error('The media server did not answer the publish offer');
    // Publish voice at a bitrate speech recognition can work with (see opus-bitrate.ts).
    await this.pc.setRemoteDescription({ type: reply.jsep.type, sdp: withOpusBitrate(reply.jsep.sdp ?? '') });
  }

  private onMessage(message: JanusMessage): void {
    const data = message.plugindata?.data;
    if (data) this.options.onEvent(data);
    if (message.janus === JANUS_EVENT.HANGUP || message.janus === JANUS_EVENT.DETACHED) this.options.onEvent({ videoroom: 'hangup' });
  }
}
