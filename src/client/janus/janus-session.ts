import { JANUS_EVENT, JANUS_REQUEST, VIDEOROOM_PLUGIN } from './janus-protocol';
import { JanusApiError, JanusSocket, type JanusJsep, type JanusMessage } from './janus-socket';

export type HandleListener = (message: JanusMessage) => void;

/** What a videoroom request answered: the plugin's data and, for negotiations, an SDP. */
export interface PluginReply {
  data: Record<string, unknown>;
  jsep?: JanusJsep;
}

export class VideoRoomError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

const KEEPALIVE_MS = 25_000;
const RECONNECT_DELAYS_MS = [250, 1000, 2000, 3000, 4000, 5000];

export interface SessionCallbacks {
  /** The WebSocket dropped; a reconnect is under way. */
  onReconnecting(): void;
  /** The socket is back and the session was claimed. */
  onReconnected(): void;
  /** The session is gone for good (reconnect failed, or Janus timed it out). */
  onLost(): void;
}

/**
 * One Janus session: keepalive, handles and their events, and recovery from a dropped socket by
 * reconnecting and claiming the session (Janus keeps it for reclaim_session_timeout seconds).
 */
export class JanusSession {
  private socket: JanusSocket;
  private id = 0;
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private readonly handles = new Map<number, HandleListener>();
  private ended = false;

  constructor(
    private readonly url: string,
    /** The grant's signed Janus token: the socket sends it with every request, keepalives included. */
    private readonly token: string,
    private readonly callbacks: SessionCallbacks,
  ) {
    this.socket = this.newSocket();
  }

  async start(): Promise<void> {
    await this.socket.open();
    const reply = await this.socket.request({ janus: JANUS_REQUEST.CREATE });
    this.id = reply.data?.id ?? 0;
    this.keepalive = setInterval(() => {
      if (this.socket.isOpen) this.socket.notify({ janus: JANUS_REQUEST.KEEPALIVE, session_id: this.id }).catch(() => undefined);
    }, KEEPALIVE_MS);
  }

  async attach(listener: HandleListener): Promise<number> {
    const reply = await this.socket.request({ janus: JANUS_REQUEST.ATTACH, session_id: this.id, plugin: VIDEOROOM_PLUGIN });
    const handleId = reply.data?.id ?? 0;
    this.handles.set(handleId, listener);
    return handleId;
  }

  /** A videoroom request; plugin-level errors (`error_code`) reject with VideoRoomError. */
  async message(handleId: number, body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit): Promise<PluginReply> {
    const reply = await this.socket.request({ janus: JANUS_REQUEST.MESSAGE, session_id: this.id, handle_id: handleId, body, ...(jsep ? { jsep } : {}) });
    const data = reply.plugindata?.data ?? {};
    if (typeof data.error_code === 'number') throw new VideoRoomError(data.error_code, String(data.error ?? 'error'));
    return { data, jsep: reply.jsep };
  }

  trickle(handleId: number, candidate: RTCIceCandidateInit | null): void {
    if (!this.socket.isOpen) return;
    const payload = candidate ? { candidate } : { candidate: { completed: true } };
    this.socket.notify({ janus: JANUS_REQUEST.TRICKLE, session_id: this.id, handle_id: handleId, ...payload }).catch(() => undefined);
  }

  async detach(handleId: number): Promise<void> {
    this.handles.delete(handleId);
    if (this.socket.isOpen) await this.socket.request({ janus: JANUS_REQUEST.DETACH, session_id: this.id, handle_id: handleId }, 3000).catch(() => undefined);
  }

  /** Destroys the session on the server and closes the socket. */
  async destroy(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.stopKeepalive();
    if (this.socket.isOpen) await this.socket.request({ janus: JANUS_REQUEST.DESTROY, session_id: this.id }, 3000).catch(() => undefined);
    this.socket.close();
  }

  /** Simulates a network drop (used by tests and by the harness). */
  dropForTest(): void {
    this.socket.dropForTest();
  }

  private newSocket(): JanusSocket {
    return new JanusSocket(this.url, this.token, (m) => this.dispatch(m), () => void this.recover());
  }

  private dispatch(message: JanusMessage): void {
    if (message.janus === JANUS_EVENT.TIMEOUT) {
      this.fail();
      return;
    }
    if (typeof message.sender === 'number') this.handles.get(message.sender)?.(message);
  }

  private async recover(): Promise<void> {
    if (this.ended) return;
    this.callbacks.onReconnecting();
    for (const delay of RECONNECT_DELAYS_MS) {
      await new Promise((r) => setTimeout(r, delay));
      if (this.ended) return;
      const socket = this.newSocket();
      try {
        await socket.open(3000);
        await socket.request({ janus: JANUS_REQUEST.CLAIM, session_id: this.id }, 5000);
        this.socket = socket;
        this.callbacks.onReconnected();
        return;
      } catch (e) {
        socket.close();
        // The session no longer exists: claiming again will not help.
        if (e instanceof JanusApiError) break;
      }
    }
    this.fail();
  }

  private fail(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopKeepalive();
    this.socket.close();
    this.callbacks.onLost();
  }

  private stopKeepalive(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.keepalive = null;
  }
}
