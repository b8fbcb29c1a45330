/**
 * What a browser may say to Janus through the stack's proxy (janus-proxy.ts), and what it hears.
 *
 * Janus's own checks stop a browser without a token (token_auth) and stop room creation without
 * the admin key, but a valid token still lets its holder send any videoroom request: list a
 * private room's participants, probe rooms, forward RTP. So the proxy lets through only the core
 * requests and videoroom requests src/client/janus sends, strips fields that carry server
 * secrets, and answers everything else itself with a Janus-style error. `listparticipants` (the
 * client's resync after a reconnect) is let through only for the room this session's own
 * publisher handle has joined, which the proxy learns from Janus's `joined` events.
 *
 * A silent monitor's grant (janus-monitor-token.ts) must never put media into the call: a handle
 * that joins with a monitor token as a publisher (to hear of feeds) may only leave or list, and no
 * monitor join or publisher-handle request may carry an SDP offer. Its subscriber handle is an
 * ordinary subscriber (Janus never sends a subscriber's media to anyone).
 */
import { JANUS_EVENT, JANUS_REQUEST, VIDEOROOM_EVENT, VIDEOROOM_PLUGIN, VIDEOROOM_PTYPE, VIDEOROOM_REQUEST } from '../../../client/janus/janus-protocol';
import { isMonitorToken } from './janus-monitor-token';

type Json = Record<string, unknown>;

const { CREATE, CLAIM, KEEPALIVE, ATTACH, DETACH, DESTROY, MESSAGE, TRICKLE } = JANUS_REQUEST;
const { JOIN, PUBLISH, CONFIGURE, START, UPDATE, LEAVE, LIST_PARTICIPANTS } = VIDEOROOM_REQUEST;

// Each allowed request is named here, not taken wholesale from the protocol module: a request the
// client starts sending stays refused until it is decided on here (janus-proxy-policy.test.ts
// fails until then).
/** Core requests src/client/janus sends (janus-session.ts). */
const CORE_REQUESTS: ReadonlySet<string> = new Set([CREATE, CLAIM, KEEPALIVE, ATTACH, DETACH, DESTROY, MESSAGE, TRICKLE]);
/** Videoroom requests it sends (janus-publisher.ts, janus-subscriber.ts); listparticipants is gated below. */
const VIDEOROOM_REQUESTS: ReadonlySet<string> = new Set([JOIN, PUBLISH, CONFIGURE, START, UPDATE, LEAVE]);
/** What a monitor's publisher-type handle (it joined only to hear of feeds) may still ask. */
const MONITOR_PUBLISHER_REQUESTS: ReadonlySet<string> = new Set([LEAVE, LIST_PARTICIPANTS]);

export type MonitorHandle = 'publisher' | 'subscriber';
/** Never accepted from a browser: the server's secrets, the room's secret, the admin key. */
const SECRET_FIELDS = ['apisecret', 'admin_secret', 'admin_key', 'secret'];

/** Janus's own error codes (janus/apierror.h). */
export const JANUS_ERROR = { unauthorized: 403, invalidJson: 454, invalidJsonObject: 455 } as const;

export type Verdict = { forward: Json } | { reply: Json };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const without = (o: Json, keys: string[]): Json => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/**
 * Which publisher handle of which session joined which room, for every connection of one proxy:
 * a session outlives its WebSocket (reconnect + claim), so this is shared.
 */
export class JoinedRooms {
  private readonly bySession = new Map<number, Map<number, number>>();
  /** Handles that joined with a monitor's token, and as what. */
  private readonly monitors = new Map<number, Map<number, MonitorHandle>>();

  monitorJoined(session: number, handle: number, as: MonitorHandle): void {
    let handles = this.monitors.get(session);
    if (!handles) this.monitors.set(session, (handles = new Map()));
    handles.set(handle, as);
  }

  monitorHandle(session: number, handle: number): MonitorHandle | undefined {
    return this.monitors.get(session)?.get(handle);
  }

  joined(session: number, handle: number, room: number): void {
    let handles = this.bySession.get(session);
    if (!handles) this.bySession.set(session, (handles = new Map()));
    handles.set(handle, room);
  }

  left(session: number, handle: number): void {
    this.bySession.get(session)?.delete(handle);
  }

  forget(session: number): void {
    this.bySession.delete(session);
    this.monitors.delete(session);
  }

  /** The handle is gone (detached): nothing it joined as applies to a later handle of that id. */
  detached(session: number, handle: number): void {
    this.left(session, handle);
    this.monitors.get(session)?.delete(handle);
  }

  has(session: number, handle: number, room: number): boolean {
    return this.bySession.get(session)?.get(handle) === room;
  }

  get size(): number {
    return this.bySession.size;
  }
}

/** One browser connection's view: the sessions it created or claimed, and the answers it awaits. */
export class JanusProxyPolicy {
  /** Sessions this connection created or claimed: the only ones it may list participants through. */
  readonly sessions = new Set<number>();
  private readonly awaiting = new Map<string, { request: typeof CREATE | typeof CLAIM; session?: number }>();

  constructor(private readonly rooms: JoinedRooms) {}

  /** A frame from the browser: forward it (cleaned) or answer it here. */
  fromBrowser(text: string): Verdict {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return { reply: error(undefined, JANUS_ERROR.invalidJson, 'The message is not JSON') };
    }
    if (!isObject(message)) return { reply: error(undefined, JANUS_ERROR.invalidJsonObject, 'The message is not a JSON object') };
    const request = message.janus;
    if (typeof request !== 'string' || !CORE_REQUESTS.has(request)) return { reply: refused(message, `"${String(request)}" is not allowed here`) };
    if (request === ATTACH && message.plugin !== VIDEOROOM_PLUGIN) return { reply: refused(message, 'Only the videoroom plugin is available') };
    const clean = without(message, SECRET_FIELDS);
    if (request === MESSAGE) {
      if (!isObject(message.body)) return { reply: refused(message, 'A plugin message needs a body') };
      const body = without(message.body, SECRET_FIELDS);
      if (!this.mayForward(message, body)) return { reply: refused(message, `videoroom "${String(body.request)}" is not allowed here`) };
      clean.body = body;
    }
    this.track(clean);
    return { forward: clean };
  }

  /** A frame from Janus: learns sessions and joins from it; it is always relayed as is. */
  fromJanus(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (!isObject(message)) return;
    const transaction = typeof message.transaction === 'string' ? message.transaction : undefined;
    const awaited = transaction ? this.awaiting.get(transaction) : undefined;
    if (awaited && message.janus !== JANUS_EVENT.ACK) {
      this.awaiting.delete(transaction!);
      if (message.janus === JANUS_EVENT.SUCCESS) {
        const id = awaited.request === CREATE && isObject(message.data) ? message.data.id : awaited.session;
        if (typeof id === 'number') this.sessions.add(id);
      }
    }
    const session = message.session_id;
    const handle = message.sender;
    if (typeof session !== 'number') return;
    if (message.janus === JANUS_EVENT.TIMEOUT) {
      this.sessions.delete(session);
      this.rooms.forget(session);
      return;
    }
    if (typeof handle !== 'number') return;
    if (message.janus === JANUS_EVENT.DETACHED) return this.rooms.detached(session, handle);
    const data = isObject(message.plugindata) && isObject(message.plugindata.data) ? message.plugindata.data : undefined;
    if (!data) return;
    if (data.videoroom === VIDEOROOM_EVENT.JOINED && typeof data.room === 'number') this.rooms.joined(session, handle, data.room);
    else if (data.videoroom === VIDEOROOM_EVENT.DESTROYED || (data.videoroom === VIDEOROOM_EVENT.EVENT && data.leaving === 'ok')) this.rooms.left(session, handle);
  }

  private mayForward(message: Json, body: Json): boolean {
    if (typeof body.request !== 'string') return false;
    if (!this.monitorMayForward(message, body)) return false;
    if (VIDEOROOM_REQUESTS.has(body.request)) return true;
    if (body.request !== LIST_PARTICIPANTS) return false;
    const { session_id: session, handle_id: handle } = message;
    return (
      typeof session === 'number' &&
      typeof handle === 'number' &&
      typeof body.room === 'number' &&
      this.sessions.has(session) &&
      this.rooms.has(session, handle, body.room)
    );
  }

  /** A monitor's grant subscribes only: no offer with its join, nothing but leave/list on its publisher-type handle. */
  private monitorMayForward(message: Json, body: Json): boolean {
    const { session_id: session, handle_id: handle } = message;
    if (body.request === JOIN && isMonitorToken(body.token) && message.jsep !== undefined) return false;
    if (typeof session !== 'number' || typeof handle !== 'number') return true;
    if (this.rooms.monitorHandle(session, handle) !== 'publisher') return true;
    return message.jsep === undefined && MONITOR_PUBLISHER_REQUESTS.has(String(body.request));
  }

  /** Remembers what the answer to this request will teach us. */
  private track(message: Json): void {
    const { janus: request, transaction, session_id: session, handle_id: handle } = message;
    if (typeof transaction === 'string' && (request === CREATE || request === CLAIM)) {
      if (this.awaiting.size > 100) this.awaiting.clear(); // a client that never reads its answers gets no memory
      this.awaiting.set(transaction, { request, session: typeof session === 'number' ? session : undefined });
    }
    if (typeof session !== 'number') return;
    if (request === MESSAGE && typeof handle === 'number' && isObject(message.body) && message.body.request === JOIN && isMonitorToken(message.body.token)) {
      // Remembered before Janus answers: a publish sent right behind the join is already refused.
      this.rooms.monitorJoined(session, handle, message.body.ptype === VIDEOROOM_PTYPE.SUBSCRIBER ? 'subscriber' : 'publisher');
    }
    if (request === DESTROY) {
      this.sessions.delete(session);
      this.rooms.forget(session);
    } else if (typeof handle === 'number' && request === DETACH) {
      this.rooms.detached(session, handle);
    } else if (typeof handle === 'number' && request === MESSAGE && isObject(message.body) && message.body.request === LEAVE) {
      this.rooms.left(session, handle);
    }
  }
}

function error(message: Json | undefined, code: number, reason: string): Json {
  return {
    janus: 'error',
    ...(message && typeof message.session_id === 'number' ? { session_id: message.session_id } : {}),
    ...(message && typeof message.transaction === 'string' ? { transaction: message.transaction } : {}),
    error: { code, reason },
  };
}

const refused = (message: Json, reason: string): Json => error(message, JANUS_ERROR.unauthorized, reason);
