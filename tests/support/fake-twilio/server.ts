import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_BASE_URL_ENV } from '../../../src/adapters/twilio/twilio-client';
import { conversationRoutes } from './conversations';
import { iamRoutes } from './iam';
import { intelligenceRoutes } from './intelligence';
import { newSid, type FakeTwilioState } from './state';
import { notFound, TwilioHttpError, twilioErrorBody, type Params, type RecordedRequest, type Reply, type Route, type RouteContext } from './types';
import { videoCompositionRoutes } from './video-compositions';
import { videoRoomRoutes } from './video-rooms';

const ROUTES: Route[] = [...videoRoomRoutes, ...videoCompositionRoutes, ...conversationRoutes, ...intelligenceRoutes, ...iamRoutes];

/** The next request(s) matching this answer with a Twilio error instead of being handled. */
export interface FailureSpec {
  method?: string;
  host?: string;
  /** Exact path, or a pattern. */
  path?: string | RegExp;
  status: number;
  /** Twilio error code in the body; defaults to 20500 for 5xx, 20001 otherwise. */
  code?: number;
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

function toParams(search: URLSearchParams): Params {
  const out: Params = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

function record(req: IncomingMessage, host: string, path: string, query: URLSearchParams, raw: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'authorization' && typeof v === 'string') headers[k] = v;
  const auth = req.headers.authorization;
  const username = auth?.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0] : undefined;
  const type = headers['content-type'] ?? '';
  return {
    method: req.method ?? 'GET',
    host,
    path,
    query: toParams(query),
    form: type.includes('application/x-www-form-urlencoded') ? toParams(new URLSearchParams(raw)) : {},
    ...(type.includes('application/json') && raw ? { json: JSON.parse(raw) as unknown } : {}),
    headers,
    auth: { present: Boolean(auth), ...(username ? { username } : {}) },
  };
}

const matches = (f: FailureSpec, r: RecordedRequest): boolean =>
  (!f.method || f.method.toUpperCase() === r.method) &&
  (!f.host || f.host === r.host) &&
  (!f.path || (typeof f.path === 'string' ? f.path === r.path : f.path.test(r.path)));

/** Routes one recorded request; Twilio-style errors for everything that goes wrong. */
function answer(r: RecordedRequest, ctx: RouteContext, failures: FailureSpec[]): Reply {
  try {
    if (!r.auth.present) throw new TwilioHttpError(401, 20003, 'Authenticate');
    const failure = failures.find((f) => matches(f, r));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
      const code = failure.code ?? (failure.status >= 500 ? 20500 : 20001);
      throw new TwilioHttpError(failure.status, code, failure.message ?? 'Injected failure');
    }
    // Regions and edges (`video.dublin.ie1.twilio.com`) reach the same product.
    const product = r.host.split('.')[0];
    for (const route of ROUTES) {
      if (route.method !== r.method || route.host.split('.')[0] !== product) continue;
      const m = route.path.exec(r.path);
      if (m) return route.handle(r, m.slice(1).map(decodeURIComponent), ctx);
    }
    throw notFound(r.path);
  } catch (e) {
    if (e instanceof TwilioHttpError) return { status: e.status, body: twilioErrorBody(e.status, e.code, e.message) };
    return { status: 500, body: twilioErrorBody(500, 20500, `Fake Twilio failed: ${String(e)}`) };
  }
}

export interface FakeTwilioServer {
  baseUrl: string;
  /** `{ TWILIO_API_BASE_URL_FOR_TESTS: baseUrl }`: hand it to code that reads the environment. */
  env: Record<string, string>;
  requests: RecordedRequest[];
  failures: FailureSpec[];
  close(): Promise<void>;
}

export async function listen(state: FakeTwilioState): Promise<FakeTwilioServer> {
  const requests: RecordedRequest[] = [];
  const failures: FailureSpec[] = [];
  const ctx: RouteContext = { state, baseUrl: '' };

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, first = '', ...rest] = url.pathname.split('/');
    if (first === '_media') {
      // Stand-in for Twilio's media storage: where `redirect_to` points. No Twilio auth, like a signed URL.
      const sid = rest[rest.length - 1] ?? '';
      const media = state.compositionMedia.get(sid);
      res.writeHead(media ? 200 : 404, { 'content-type': media ? `video/${state.compositions.get(sid)?.format ?? 'webm'}` : 'text/plain' });
      res.end(media ?? 'not found');
      return;
    }
    const r = record(req, `${first}.twilio.com`, `/${rest.join('/')}`, url.searchParams, raw);
    requests.push(r);
    const reply = answer(r, ctx, failures);
    r.status = reply.status;
    res.writeHead(reply.status, { 'content-type': 'application/json', 'twilio-request-id': newSid('RQ'), ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(twilioErrorBody(500, 20500, String(e))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx.baseUrl = baseUrl;
  return {
    baseUrl,
    env: { [TEST_BASE_URL_ENV]: baseUrl },
    requests,
    failures,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
