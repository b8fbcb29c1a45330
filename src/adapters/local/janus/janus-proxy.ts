import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { logger } from '../../../logger';
import { JanusProxyPolicy, JoinedRooms } from './janus-proxy-policy';
import { JANUS_PROXY_PATH } from './janus-proxy-url';

const PROTOCOL = 'janus-protocol';
/** An SDP with every candidate is a few tens of KB; nothing a browser sends Janus needs more. */
const MAX_FRAME_BYTES = 512 * 1024;
/** A session whose socket closed can be claimed for reclaim_session_timeout (30 s): keep its joins a while longer. */
const FORGET_AFTER_MS = 90_000;

export interface JanusProxyOptions {
  /** The stack's own origin (config.PUBLIC_BASE_URL): the only Origin and Host accepted. */
  publicBaseUrl: string;
  /** Janus's own WebSocket (127.0.0.1). */
  janusWsUrl: string;
}

export interface JanusProxy {
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ error: { code: 'upgrade_refused', message: reason } });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Serves Janus's WebSocket API at JANUS_PROXY_PATH on `server`: the upgrade is accepted only from
 * a page of the stack's own origin addressed to the stack's own host (no other site, no DNS
 * rebinding), and every frame passes JanusProxyPolicy on its way to Janus.
 */
export function attachJanusProxy(server: Server, options: JanusProxyOptions): JanusProxy {
  const base = new URL(options.publicBaseUrl);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, handleProtocols: (offered) => (offered.has(PROTOCOL) ? PROTOCOL : false) });
  const rooms = new JoinedRooms();
  const live = new Set<JanusProxyPolicy>();
  const timers = new Set<NodeJS.Timeout>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    if (path !== JANUS_PROXY_PATH) {
      // Another upgrade handler may own that path; with none, nobody would ever answer.
      if (server.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
      return;
    }
    if (req.headers.origin !== base.origin || req.headers.host?.toLowerCase() !== base.host) return refuse(socket, 403, 'Forbidden');
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(PROTOCOL)) return refuse(socket, 400, 'Bad Request');

    const upstream = new WebSocket(options.janusWsUrl, PROTOCOL, { maxPayload: 16 * MAX_FRAME_BYTES });
    upstream.once('error', (err) => {
      logger.warn({ err }, 'janus proxy: Janus unreachable');
      if (!socket.destroyed) refuse(socket, 502, 'Bad Gateway');
    });
    upstream.once('open', () => {
      if (socket.destroyed) return upstream.close();
      wss.handleUpgrade(req, socket, head, (browser) => relay(browser, upstream));
    });
  };

  const relay = (browser: WebSocket, upstream: WebSocket): void => {
    const policy = new JanusProxyPolicy(rooms);
    live.add(policy);
    browser.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return browser.close(1003, 'text frames only');
      const verdict = policy.fromBrowser(data.toString());
      if ('reply' in verdict) browser.send(JSON.stringify(verdict.reply));
      else if (upstream.readyState === WebSocket.OPEN) upstream.send(JSON.stringify(verdict.forward));
    });
    upstream.on('message', (data: RawData) => {
      const text = data.toString();
      policy.fromJanus(text);
      if (browser.readyState === WebSocket.OPEN) browser.send(text);
    });
    const closeBoth = (): void => {
      if (!live.delete(policy)) return;
      browser.close();
      upstream.close();
      // Sessions nobody reclaims soon are gone from Janus too: forget what they joined.
      const timer = setTimeout(() => {
        timers.delete(timer);
        for (const session of policy.sessions) if (![...live].some((p) => p.sessions.has(session))) rooms.forget(session);
      }, FORGET_AFTER_MS);
      timer.unref();
      timers.add(timer);
    };
    browser.on('close', closeBoth);
    upstream.on('close', closeBoth);
    browser.on('error', closeBoth);
    upstream.on('error', closeBoth);
  };

  server.on('upgrade', onUpgrade);
  return {
    async close() {
      server.off('upgrade', onUpgrade);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
    },
  };
}
