import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  /** null when the server answered nothing parsable (closed or reset). */
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The JSON body, when it is JSON. */
  json: any;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends bytes as they are (a request line no HTTP client would write) to 127.0.0.1:port and reads
 * the answer until the server closes. Ask for `Connection: close` in `bytes`.
 */
export function sendRaw(port: number, bytes: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const body = rest.join('\r\n\r\n');
      resolve({ status: m ? Number(m[1]) : null, headers, body, json: parseJson(body) });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', done);
    socket.on('error', done);
    socket.on('connect', () => socket.write(bytes));
  });
}

export interface HttpCall {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  timeoutMs?: number;
}

/** One request with node:http, headers exactly as given (Host included), no connection reuse. */
export function httpCall(port: number, call: HttpCall): Promise<RawResponse> {
  return new Promise((resolve) => {
    const finish = (status: number | null, headers: Record<string, string>, body: string) =>
      resolve({ status, headers, body, json: parseJson(body) });
    let req;
    try {
      req = request({
        host: '127.0.0.1',
        port,
        method: call.method,
        path: call.path,
        // A body is always framed: Node sends GET/OPTIONS/DELETE bodies unframed otherwise.
        headers: { connection: 'close', ...(call.body === undefined ? {} : { 'content-length': Buffer.byteLength(call.body) }), ...call.headers },
        agent: false,
        setHost: !Object.keys(call.headers ?? {}).some((h) => h.toLowerCase() === 'host'),
        timeout: call.timeoutMs ?? 10_000,
      });
    } catch (e) {
      // Node refuses to send it (a path or header it cannot encode): nothing reached the server.
      finish(-1, {}, String(e));
      return;
    }
    req.on('response', (res) => {
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        // A live stream never ends: its status and headers are the answer.
        finish(res.statusCode ?? null, res.headers as Record<string, string>, '');
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish(res.statusCode ?? null, res.headers as Record<string, string>, Buffer.concat(chunks).toString('utf8')));
      res.on('error', () => finish(res.statusCode ?? null, res.headers as Record<string, string>, Buffer.concat(chunks).toString('utf8')));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => finish(null, {}, String(e)));
    req.end(call.body);
  });
}
