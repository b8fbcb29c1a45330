import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import { httpCall, sendRaw, type RawResponse } from '../support/raw-http';
import { processAlive } from '../support/sockets';
import { linkTokenOf, ROOT, startTestStack, type TestStack } from '../support/test-stack';

/**
 * Hostile requests, generated, against the real running stack on 127.0.0.1: every endpoint, wrong
 * methods, mangled paths, foreign Host and Origin, bad cookies and content types, JSON of every
 * shape, prototype-pollution keys, huge and invalid-UTF-8 bodies, and tokens forged by tampering
 * with real ones. No 5xx, no crash, no forged or query-string credential ever accepted.
 */
jest.setTimeout(150_000);

const RUNS = 3000;
const TIME_LIMIT_MS = 60_000;

let stack: TestStack;
let port: number;
const real = { agent: '', supervisor: '', link: '', chat: '', conversationId: '', escalationId: '', roomName: '' };

beforeAll(async () => {
  stack = await startTestStack();
  port = Number(new URL(stack.url).port);
  real.agent = await stack.signIn();
  real.supervisor = await stack.signIn('supervisor');
  real.conversationId = stack.demo.conversationId;
  const escalated = await stack.post('/escalate', { Token: real.agent, conversationId: real.conversationId });
  if (escalated.status !== 200) throw new Error(`escalate failed: ${escalated.status}`);
  real.escalationId = escalated.body.escalationId;
  real.roomName = escalated.body.roomName;
  real.link = linkTokenOf(escalated.body.customerLink);
  real.chat = await stack.chatTokens.issue(real.conversationId);
});
afterAll(async () => {
  await stack?.close();
});

// Every endpoint of the stack: each Function, each local route, pages, assets, and unknown paths.
const FUNCTIONS = readdirSync(join(ROOT, 'serverless/src/functions'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `/${f.replace(/\.ts$/, '')}`);
const localRoutes = () => [
  '/api/local/sign-in',
  '/api/local/sign-out',
  '/api/local/conversations',
  `/api/local/conversations/${real.conversationId}/messages`,
  `/api/local/conversations/${real.conversationId}/events`,
  '/api/local/conversations/CHnope/messages',
  '/api/local/chat',
  '/api/local/chat/messages',
  '/api/local/chat/events',
  '/api/local/nope',
  '/api/media/session',
  '/media/recordings/abc/video.mp4',
  '/media/recordings/abc/captions.vtt',
  `/media/recordings/${real.roomName}/transcript.json`,
  '/media/other',
  '/',
  '/console',
  '/console.html',
  '/chat.html',
  '/local.css',
  '/local/js/console.js',
  '/local/js/nope.js',
  '/join.html',
  '/join.css',
  '/favicon.svg',
  '/nope',
];
/** Endpoints that must never answer 2xx to a forged credential (webhooks: to a forged signature). */
const AUTHENTICATED = /^\/(escalate|end-call|customer-token|recording-media|resume-recordings|room-status|composition-status|transcript-status|api\/local\/(conversations|chat)|api\/media\/session|media\/recordings\/)/;
const QUERY_CREDENTIAL = /token|authori[sz]ation|secret|password|jwt|bearer|api[-_]?key/i;

/** One of `choices`, each as likely as its weight: most requests get past the guards to the handlers. */
const weighted = <T>(...choices: [T, number][]): fc.Arbitrary<T> =>
  fc.oneof(...choices.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A real token with one base64url character changed to another (never a segment's last, whose spare bits a decoder may ignore). */
function tamper(token: string, at: number, by: number): string {
  const positions = [...token].flatMap((c, i) => (c !== '.' && token[i + 1] !== undefined && token[i + 1] !== '.' ? [i] : []));
  const i = positions[at % positions.length];
  const next = B64URL[(B64URL.indexOf(token[i]) + 1 + (by % (B64URL.length - 1))) % B64URL.length];
  return token.slice(0, i) + next + token.slice(i + 1);
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
type CredentialKind = 'none' | 'valid' | 'forged' | 'garbage';
type Credential = { kind: CredentialKind; value: string; slot: 'header' | 'Token' | 'linkToken' | 'staffCookie' | 'chatCookie' | 'linkCookie' | 'basic' };

const credentialArb: fc.Arbitrary<Credential> = fc
  .tuple(
    weighted<CredentialKind>(['none', 2], ['valid', 4], ['forged', 4], ['garbage', 1]),
    fc.constantFrom('agent', 'supervisor', 'link', 'chat'),
    weighted<Credential['slot']>(['header', 4], ['Token', 4], ['linkToken', 3], ['staffCookie', 1], ['chatCookie', 1], ['linkCookie', 1], ['basic', 1]),
    fc.nat(),
    fc.nat(),
    fc.constantFrom('flip', 'flip', 'alg-none', 'wrong-key', 'truncate', 'extend'),
    fc.string({ maxLength: 40 }),
  )
  .map(([kind, which, slot, at, by, how, junk]) => {
    const token = () => real[which as 'agent' | 'supervisor' | 'link' | 'chat'];
    if (kind === 'none') return { kind, slot, value: '' };
    if (kind === 'valid') return { kind, slot, value: token() };
    if (kind === 'garbage') return { kind, slot, value: junk };
    const [h, p] = token().split('.');
    const forged =
      how === 'alg-none'
        ? `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`
        : how === 'wrong-key'
          ? `${h}.${p}.${Buffer.alloc(32, at % 256).toString('base64url')}`
          : how === 'truncate'
            ? token().slice(0, Math.max(1, token().length - 1 - (at % 10)))
            : how === 'extend'
              ? `${token()}A`
              : tamper(token(), at, by);
    return { kind, slot, value: forged };
  });

const badEscapes = ['%E0%A4%A', '%', '%zz', '%C0%AF', '%00', '..%2f..%2fetc%2fpasswd', '%FF%FE', '%2e%2e/'];
const pathArb = fc
  .tuple(
    fc.constantFrom(...FUNCTIONS, ...FUNCTIONS, 'LOCAL'),
    fc.nat(),
    weighted<string>(['none', 24], ['suffix', 1], ['badEscape', 2], ['traversal', 1], ['doubleSlash', 1], ['upper', 1], ['query', 2], ['queryCredential', 2], ['fragmentLike', 1]),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(...badEscapes),
    fc.constantFrom('Token', 'token', 'linkToken', 'authorization', 'access_token', 'roomName', 'bodySHA256', 'x', 'request[headers][authorization]', '__proto__[x]'),
  )
  .map(([fn, pick, mutation, junk, escape, key]) => {
    const routes = localRoutes();
    const base = fn === 'LOCAL' ? routes[pick % routes.length] : fn;
    const j = encodeURIComponent(junk);
    switch (mutation) {
      case 'suffix':
        return `${base}/${j}`;
      case 'badEscape':
        return `${base}${escape}`;
      case 'traversal':
        return `${base}/../../${j}`;
      case 'doubleSlash':
        return `/${base}`;
      case 'upper':
        return base.toUpperCase();
      case 'query':
        return `${base}?${encodeURIComponent(key)}=${j}&conversationId=${real.conversationId}`;
      case 'queryCredential':
        return `${base}?${encodeURIComponent(key)}=${encodeURIComponent(real.agent)}`;
      case 'fragmentLike':
        return `${base}%23t=${encodeURIComponent(real.link)}`;
      default:
        return base;
    }
  });

const wrongValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constantFrom('CHnope', '../../etc', 'a b', 'x'.repeat(65), '\u0000', 'video.mp4', 'join', 'check', 'true'),
);
const KEYS = ['conversationId', 'escalationId', 'linkToken', 'Token', 'action', 'takeOver', 'recordingId', 'file', 'role', 'body', 'request', 'headers', 'roomName', 'StatusCallbackEvent', 'RoomSid', 'RoomName', 'CompositionSid', 'transcript_sid', 'customer_key', 'bodySHA256'];
const realValue = () => fc.constantFrom(real.conversationId, real.escalationId, real.roomName, 'join', 'check', 'supervisor', 'agent', 'video.mp4');

type Body = { text: string | Buffer; type: string };
const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ text: JSON.stringify(v) ?? 'null', type: 'json' })),
  fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(wrongValue, realValue()), { maxKeys: 6 }).map((o) => ({ text: JSON.stringify(o), type: 'json' })),
  fc.constantFrom(
    '{"__proto__":{"isAdmin":true,"roles":["supervisor"]},"conversationId":"CHx"}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"request":{"headers":{"authorization":"Bearer x"}}}',
    '{"request":null}',
    '{"request":"x","headers":{"x-twilio-signature":"x"}}',
    'null',
    '[]',
    '42',
    '"string"',
    '{"a":',
    '',
  ).map((text) => ({ text, type: 'json' })),
  fc.constantFrom(70_000, 1_000, 63_000).map((n) => ({ text: JSON.stringify({ conversationId: real.conversationId, pad: 'x'.repeat(n) }), type: 'json' })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ text: Buffer.concat([Buffer.from('{"body":"'), Buffer.from(bytes), Buffer.from([0xff, 0xc0]), Buffer.from('"}')]), type: 'json' })),
  fc.dictionary(fc.constantFrom(...KEYS), fc.string({ maxLength: 20 }), { maxKeys: 5 }).map((o) => ({ text: new URLSearchParams(o).toString(), type: 'form' })),
);

const CONTENT_TYPES: Record<string, string[]> = {
  json: ['application/json', 'application/json', 'application/json', 'application/json', 'Application/JSON; Charset=UTF-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', ''],
  form: ['application/x-www-form-urlencoded', 'application/json', 'APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8', 'multipart/form-data; boundary=x'],
};

const httpArb = fc
  .record({
    method: weighted<string>(['POST', 12], ['GET', 5], ['PUT', 1], ['PATCH', 1], ['DELETE', 1], ['HEAD', 1], ['OPTIONS', 1]),
    path: pathArb,
    credential: credentialArb,
    body: fc.option(bodyArb, { freq: 4 }),
    typeIndex: fc.nat(),
    host: weighted<'own' | 'localhost' | 'evil' | 'empty' | 'otherPort'>(['own', 30], ['localhost', 3], ['evil', 1], ['empty', 1], ['otherPort', 1]),
    origin: weighted<string>(['none', 20], ['own', 8], ['evil', 1], ['null', 1], ['crossSiteFetch', 1]),
    extraCookie: weighted<string>(['', 12], ['ve_media=%E0%A4%A', 1], ['ve_staff_media=%', 1], ['a=b; ve_chat_media=%ZZ', 1]),
    twilioSignature: fc.option(fc.string({ maxLength: 30 }).map((s) => Buffer.from(s).toString('base64'))),
  })
  .map((r) => ({ kind: 'http' as const, ...r }));

const rawArb = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'FOO', 'G\u00c9T', ''),
    fc.constantFrom('http://[/', '/\u00ff\u00fe', '/console.html\u0000', '*', 'http://evil.example/escalate', '/escalate?Token=', '//', 'x'.repeat(9000)),
    fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', ''),
    fc.uint8Array({ maxLength: 60 }),
  )
  .map(([method, target, version, junk]) => ({ kind: 'raw' as const, method, target, version, junk }));

type HttpCase = typeof httpArb extends fc.Arbitrary<infer T> ? T : never;
type RawCase = typeof rawArb extends fc.Arbitrary<infer T> ? T : never;

function headersOf(c: HttpCase, contentType: string | undefined): Record<string, string> {
  const own = `127.0.0.1:${port}`;
  const host = { own, localhost: `localhost:${port}`, evil: `evil.example:${port}`, empty: '', otherPort: `127.0.0.1:${port + 1}` }[c.host]!;
  const headers: Record<string, string> = { host };
  if (c.origin === 'own') headers.origin = `http://${own}`;
  if (c.origin === 'evil') headers.origin = 'https://evil.example';
  if (c.origin === 'null') headers.origin = 'null';
  if (c.origin === 'crossSiteFetch') headers['sec-fetch-site'] = 'cross-site';
  if (contentType) headers['content-type'] = contentType;
  if (c.twilioSignature) headers['x-twilio-signature'] = c.twilioSignature;
  const cookies: string[] = c.extraCookie ? [c.extraCookie] : [];
  const { slot, value, kind } = c.credential;
  if (kind !== 'none') {
    if (slot === 'header') headers.authorization = `Bearer ${value}`;
    if (slot === 'basic') headers.authorization = `Basic ${Buffer.from(`x:${value}`).toString('base64')}`;
    const cookieName = { staffCookie: 've_staff_media', chatCookie: 've_chat_media', linkCookie: 've_link_media' }[slot as string];
    if (cookieName) cookies.push(`${cookieName}=${encodeURIComponent(value)}`);
  }
  if (cookies.length) headers.cookie = cookies.join('; ');
  // Node refuses to send header values outside latin-1 or with control characters: keep them sendable.
  for (const [k, v] of Object.entries(headers)) headers[k] = v.replace(/[^\x20-\x7e]/g, '?');
  return headers;
}

function bodyOf(c: HttpCase): { body?: string | Buffer; contentType?: string } {
  const { slot, value, kind } = c.credential;
  const inBody = kind !== 'none' && (slot === 'Token' || slot === 'linkToken');
  if (!c.body && !inBody) return {};
  const body = c.body ?? { text: '{}', type: 'json' };
  const types = CONTENT_TYPES[body.type];
  const contentType = types[c.typeIndex % types.length] || undefined;
  if (!inBody) return { body: body.text, contentType };
  if (body.type === 'form') return { body: `${body.text}&${slot}=${encodeURIComponent(value)}`, contentType };
  // The credential goes into the JSON object (when the generated body is one).
  try {
    const parsed = JSON.parse(body.text.toString());
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { body: JSON.stringify({ ...parsed, [slot]: value }), contentType };
  } catch {
    /* not JSON: sent as generated */
  }
  return { body: JSON.stringify({ [slot]: value }), contentType };
}

const stats = { requests: 0, fivexx: 0, unanswered: 0, forgedAccepted: 0, queryAccepted: 0, crashes: 0 };
const problems: string[] = [];
/** Answers by status class, to show the run reached past the guards (2xx) as well as refusals. */
const statuses: Record<string, number> = {};

async function sendCase(c: HttpCase | RawCase): Promise<RawResponse> {
  if (c.kind === 'raw') {
    const line = `${c.method} ${c.target} ${c.version}`.trim();
    const bytes = Buffer.concat([Buffer.from(`${line}\r\nHost: 127.0.0.1:${port}\r\n`, 'latin1'), Buffer.from(c.junk), Buffer.from('\r\nConnection: close\r\n\r\n')]);
    return sendRaw(port, bytes, 3000);
  }
  const { body, contentType } = bodyOf(c);
  const headers = headersOf(c, contentType);
  // An event stream stays open: the first bytes tell its status.
  return httpCall(port, { method: c.method, path: c.path, headers, body, timeoutMs: 5000 });
}

function judge(c: HttpCase | RawCase, res: RawResponse): boolean {
  stats.requests++;
  const bucket = res.status === null ? 'none' : String(res.status);
  statuses[bucket] = (statuses[bucket] ?? 0) + 1;
  const label = () => JSON.stringify(c).slice(0, 400);
  if (res.status === null) {
    stats.unanswered++;
    problems.push(`no answer (${res.body.slice(0, 120)}): ${label()}`);
    return false;
  }
  if (res.status >= 500) {
    stats.fivexx++;
    problems.push(`${res.status}: ${label()} -> ${res.body.slice(0, 200)}`);
    return false;
  }
  if (c.kind === 'raw') return true;
  const path = c.path.split('?')[0];
  const ok = res.status >= 200 && res.status < 300;
  if (ok && c.method !== 'OPTIONS' && AUTHENTICATED.test(path) && (c.credential.kind === 'forged' || c.credential.kind === 'garbage')) {
    stats.forgedAccepted++;
    problems.push(`forged credential accepted (${res.status}): ${label()}`);
    return false;
  }
  const query = new URLSearchParams(c.path.split('?')[1] ?? '');
  if (ok && [...query.keys()].some((k) => QUERY_CREDENTIAL.test(k))) {
    stats.queryAccepted++;
    problems.push(`query credential accepted (${res.status}): ${label()}`);
    return false;
  }
  return true;
}

it(`answers ${RUNS} generated hostile requests with no 5xx, no crash and no forged credential accepted`, async () => {
  const started = Date.now();
  try {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: httpArb, weight: 12 }, { arbitrary: rawArb, weight: 1 }), async (c) => judge(c, await sendCase(c))),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, endOnFailure: true, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  } catch (e) {
    problems.push(String(e).slice(0, 2000));
  }

  // Still up: both child processes alive, a normal authenticated call works, nothing polluted.
  const alive = processAlive(stack.pids.functions) && processAlive(stack.pids.janus);
  const token = await stack.signIn().catch(() => '');
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'After fuzz' })).id;
  const normal = await stack.post('/escalate', { Token: token, conversationId }).catch(() => ({ status: 0 }));
  if (!alive) stats.crashes++;
  if (normal.status !== 200) stats.crashes++;
  const polluted = ({} as Record<string, unknown>).isAdmin !== undefined || ({} as Record<string, unknown>).polluted !== undefined;

  process.stdout.write(`figure: fuzz_requests ${stats.requests}\nfigure: fuzz_5xx ${stats.fivexx}\nfigure: fuzz_crashes ${stats.crashes}\n`);
  process.stdout.write(`fuzz: ${((Date.now() - started) / 1000).toFixed(1)} s, ${stats.unanswered} unanswered, ${stats.forgedAccepted} forged accepted, ${stats.queryAccepted} query credentials accepted\n`);
  process.stdout.write(`fuzz: answers by status ${JSON.stringify(statuses)}\n`);
  if (problems.length) process.stdout.write(`fuzz problems:\n${problems.slice(0, 20).join('\n')}\n`);
  expect(problems.slice(0, 10)).toEqual([]);
  expect(stats.requests).toBeGreaterThanOrEqual(2000);
  expect(stats).toEqual({ requests: stats.requests, fivexx: 0, unanswered: 0, forgedAccepted: 0, queryAccepted: 0, crashes: 0 });
  expect(polluted).toBe(false);
  expect(normal.status).toBe(200);
  expect(alive).toBe(true);
});

// Forging with a wrong key (besides byte flips) uses the project's own signer with another secret.
it('forges with a wrong key are refused too (sanity check of the forger)', async () => {
  const forged = await new LocalIdentity('z'.repeat(40)).issue({ identity: 'alex', name: 'A', roles: ['agent'] });
  const res = await stack.post('/escalate', { Token: forged, conversationId: real.conversationId });
  expect(res.status).toBe(401);
  expect(tamper(real.agent, 3, 5)).not.toBe(real.agent);
});
