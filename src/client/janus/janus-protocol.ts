/**
 * The part of Janus's JSON API this product speaks, named once (after janode's protocol.js). The
 * browser client (this folder) sends these requests, and the local proxy's allow-list
 * (src/adapters/local/janus/janus-proxy-policy.ts) is built from the same names, so a request the
 * client starts sending is one the proxy has to be taught about, not a string copied by hand.
 * Constants only: no browser API, so the Node proxy can import it.
 */

/** The WebSocket subprotocol Janus speaks. */
export const JANUS_SUBPROTOCOL = 'janus-protocol';

/** The one plugin the client attaches to. */
export const VIDEOROOM_PLUGIN = 'janus.plugin.videoroom';

/** Core requests (a message's `janus` field) the client sends. */
export const JANUS_REQUEST = {
  CREATE: 'create',
  CLAIM: 'claim',
  KEEPALIVE: 'keepalive',
  ATTACH: 'attach',
  DETACH: 'detach',
  DESTROY: 'destroy',
  MESSAGE: 'message',
  TRICKLE: 'trickle',
} as const;

/** What Janus answers or tells on its own (the `janus` field of what it sends). */
export const JANUS_EVENT = {
  ACK: 'ack',
  SUCCESS: 'success',
  ERROR: 'error',
  EVENT: 'event',
  TIMEOUT: 'timeout',
  HANGUP: 'hangup',
  DETACHED: 'detached',
} as const;

/** Videoroom requests (a `message`'s `body.request`) the client sends. */
export const VIDEOROOM_REQUEST = {
  JOIN: 'join',
  PUBLISH: 'publish',
  CONFIGURE: 'configure',
  START: 'start',
  UPDATE: 'update',
  LEAVE: 'leave',
  /** The resync after a reconnect (janus-room.ts). */
  LIST_PARTICIPANTS: 'listparticipants',
} as const;

/** The videoroom plugin's `videoroom` field in its data. */
export const VIDEOROOM_EVENT = {
  JOINED: 'joined',
  DESTROYED: 'destroyed',
  EVENT: 'event',
} as const;

/** A join's `ptype`. */
export const VIDEOROOM_PTYPE = { PUBLISHER: 'publisher', SUBSCRIBER: 'subscriber' } as const;
