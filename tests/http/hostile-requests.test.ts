import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../src/adapters/local/stack/local-stack';
import { httpCall, sendRaw, type RawResponse } from '../support/raw-http';
import { processAlive } from '../support/sockets';
import { ROOT, startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(60_000);

let stack: TestStack;
let port: number;
let host: string;
let agentToken: string;

beforeAll(async () => {
  stack = await startTestStack();
  port = Number(new URL(stack.url).port);
  host = `127.0.0.1:${port}`;
  agentToken = await stack.signIn();
});
afterAll(async () => {
  await stack?.close();
});

const newConversation = async () => (await stack.backend.conversations.createConversation({ friendlyName: 'Hostile' })).id;
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  httpCall(port, { method: 'POST', path, headers: { 'content-type': 'application/json', host, ...headers }, body });

/** A refusal: the given 4xx, as our JSON error with a code. */
function expectRefused(res: RawResponse, status: number, code?: string) {
  expect({ status: res.status, code: res.json?.error?.code }).toEqual({ status, code: code ?? expect.any(String) });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
}

/** The stack still does its job: a signed-in agent can list conversations. */
async function stillServes() {
  const res = await httpCall(port, { method: 'GET', path: '/api/local/conversations', headers: { host, authorization: `Bearer ${agentToken}` } });
  expect(res.status).toBe(200);
  expect(processAlive(stack.pids.functions)).toBe(true);
  expect(processAlive(stack.pids.janus)).toBe(true);
}

describe('no request takes the server down', () => {
  it('answers request lines no URL parser accepts with a 4xx, and goes on serving', async () => {
    const bad = await sendRaw(port, `GET http://[/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expectRefused(bad, 400, 'invalid_path');
    const garbage = await sendRaw(port, '\x00\x01 not http at all\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.json?.error?.code).toBe('bad_request');
    const hugeHeader = await sendRaw(port, `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(hugeHeader.status).toBe(431);
    await stillServes();
  });
});

describe('the local origin checks Host and Origin', () => {
  it('refuses a foreign Host (DNS rebinding) and answers its own names', async () => {
    for (const foreign of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, '']) {
      expectRefused(await httpCall(port, { method: 'GET', path: '/console.html', headers: { host: foreign } }), 421, 'host_not_allowed');
    }
    const conversationId = await newConversation();
    expectRefused(
      await post('/escalate', JSON.stringify({ Token: agentToken, conversationId }), { host: `rebind.example:${port}` }),
      421,
      'host_not_allowed',
    );
    expect(await stack.backend.conversations.listMessages(conversationId)).toEqual([]);
    expect((await httpCall(port, { method: 'GET', path: '/console.html', headers: { host: `LOCALHOST:${port}` } })).status).toBe(200);
    expect((await httpCall(port, { method: 'GET', path: '/console.html', headers: { host } })).status).toBe(200);
  });

  it('refuses state-changing requests from another site, accepts its own pages', async () => {
    const conversationId = await newConversation();
    const body = JSON.stringify({ Token: agentToken, conversationId });
    expectRefused(await post('/escalate', body, { origin: 'https://evil.example' }), 403, 'cross_site_refused');
    expectRefused(await post('/escalate', body, { origin: `http://127.0.0.1:${port + 1}` }), 403, 'cross_site_refused');
    expectRefused(await post('/escalate', body, { origin: 'null' }), 403, 'cross_site_refused');
    expectRefused(await post('/escalate', body, { 'sec-fetch-site': 'cross-site' }), 403, 'cross_site_refused');
    expectRefused(await post('/api/local/sign-in', '{}', { origin: 'https://evil.example' }), 403, 'cross_site_refused');
    expect(await stack.backend.conversations.listMessages(conversationId)).toEqual([]);
    // A cross-site GET changes nothing and may load (a link to the console).
    expect((await httpCall(port, { method: 'GET', path: '/console.html', headers: { host, origin: 'https://evil.example' } })).status).toBe(200);
    const own = await post('/escalate', body, { origin: `http://${host}`, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect((await post('/api/local/sign-in', '{}', { origin: `http://localhost:${port}` })).status).toBe(200);
  });
});

describe('tokens only in headers and bodies', () => {
  it('refuses a credential in the query string on Functions and local routes, even a valid one', async () => {
    const conversationId = await newConversation();
    const body = JSON.stringify({ conversationId });
    for (const key of ['Token', 'token', 'linkToken', 'authorization', 'Authorization', 'access_token']) {
      expectRefused(await post(`/escalate?${key}=${agentToken}`, body), 400, 'token_in_query');
    }
    expectRefused(await post(`/customer-token?linkToken=x`, '{}'), 400, 'token_in_query');
    expectRefused(
      await httpCall(port, { method: 'GET', path: `/api/local/conversations?token=${agentToken}`, headers: { host } }),
      400,
      'token_in_query',
    );
    expectRefused(
      await httpCall(port, { method: 'GET', path: `/media/recordings/abc/video.mp4?token=${agentToken}`, headers: { host } }),
      400,
      'token_in_query',
    );
    expect(await stack.backend.conversations.listMessages(conversationId)).toEqual([]);
    // The same token in the body or the header works.
    expect((await post('/escalate', JSON.stringify({ Token: agentToken, conversationId }))).status).toBe(200);
    expect((await post('/escalate', body, { authorization: `Bearer ${agentToken}` })).status).toBe(200);
  });

  it('keeps customer links carrying their token in the fragment, which never reaches the server', async () => {
    const res = await post('/escalate', JSON.stringify({ Token: agentToken, conversationId: await newConversation() }));
    const link = new URL(res.json.customerLink);
    expect(link.search).toBe('');
    expect(link.hash).toMatch(/^#t=ey/);
  });
});

describe('never a 5xx on bad input', () => {
  it('does not let a body override the request or its headers', async () => {
    const conversationId = await newConversation();
    const forged = { conversationId, request: { headers: { authorization: `Bearer ${agentToken}` } } };
    expectRefused(await post('/escalate', JSON.stringify(forged)), 401, 'token_missing');
    expectRefused(await post('/escalate', JSON.stringify({ conversationId, request: null })), 401, 'token_missing');
    expectRefused(await post('/end-call', JSON.stringify({ escalationId: 'x', request: 'x', headers: { authorization: 'Bearer x' } })), 401);
    const form = `conversationId=${conversationId}&request[headers][authorization]=Bearer%20${agentToken}`;
    expectRefused(await post('/escalate', form, { 'content-type': 'application/x-www-form-urlencoded' }), 401, 'token_missing');
    expect(await stack.backend.conversations.listMessages(conversationId)).toEqual([]);
  });

  it('answers bad escapes in cookies and paths with a 4xx', async () => {
    for (const cookie of ['ve_staff_media=%E0%A4%A', 've_chat_media=%', 've_link_media=%E0%A4%A; ve_media=%ZZ']) {
      const res = await httpCall(port, { method: 'GET', path: '/media/recordings/abc/video.mp4', headers: { host, cookie } });
      expectRefused(res, 401);
    }
    for (const path of ['/media/%E0%A4%A', '/local/js/%E0%A4%A', '/escalate%E0%A4%A', '/%', '/api/local/%C0%AF']) {
      expectRefused(await httpCall(port, { method: 'GET', path, headers: { host } }), 400, 'invalid_path');
    }
  });

  it('refuses null, array, number and string JSON bodies, and unparsable ones', async () => {
    for (const path of ['/escalate', '/customer-token', '/end-call', '/api/local/sign-in', '/api/media/session']) {
      for (const body of ['null', '[]', '[{"conversationId":"x"}]', '42', '"text"', 'true', '{"a":', '\u00ff\u00fe']) {
        const res = await post(path, body, { authorization: `Bearer ${agentToken}` });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.json?.error?.code).toEqual(expect.any(String));
      }
    }
  });

  it('answers an oversize body with a 413 JSON error, not a reset', async () => {
    for (const path of ['/escalate', '/api/local/sign-in', '/api/media/session']) {
      const res = await post(path, JSON.stringify({ pad: 'x'.repeat(300_000) }), { authorization: `Bearer ${agentToken}` });
      expectRefused(res, 413, 'body_too_large');
    }
    const declaredHuge = await sendRaw(port, `POST /escalate HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{"a":`);
    expect(declaredHuge.status).toBe(413);
    await stillServes();
  });

  it('treats content types case-insensitively and refuses form bodies where JSON is expected', async () => {
    const conversationId = await newConversation();
    const mixed = { 'content-type': 'Application/JSON; Charset=UTF-8' };
    expect((await post('/escalate', JSON.stringify({ Token: agentToken, conversationId }), mixed)).status).toBe(200);
    expectRefused(await post('/escalate', '{"Token": ', mixed), 400, 'invalid_json');
    expect((await post('/api/local/sign-in', '{"role":"agent"}', mixed)).status).toBe(200);
    expectRefused(await post('/api/local/sign-in', 'role=agent', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'invalid_json');
    expectRefused(await post('/escalate', '{}', { 'content-type': 'application/json; charset=latin1' }), 415, 'unsupported_charset');
    expectRefused(await post('/escalate', '{}', { 'content-encoding': 'gzip' }), 415, 'unsupported_encoding');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const cases: [string, string, RegExp][] = [
      ['GET', '/escalate', /POST/],
      ['PUT', '/end-call', /POST/],
      ['DELETE', '/customer-token', /POST/],
      ['GET', '/room-status', /POST/],
      ['PUT', '/api/local/sign-in', /^POST$/],
      ['GET', '/api/local/sign-out', /^POST$/],
      ['DELETE', '/api/local/conversations', /^GET$/],
      ['POST', '/api/local/chat/events', /^GET$/],
      ['GET', '/api/media/session', /^POST$/],
      ['POST', '/media/recordings/abc/video.mp4', /^GET, HEAD$/],
      ['POST', '/console.html', /^GET, HEAD$/],
      ['DELETE', '/local/js/console.js', /^GET, HEAD$/],
    ];
    for (const [method, path, allow] of cases) {
      const res = await httpCall(port, { method, path, headers: { host, 'content-type': 'application/json' } });
      expect({ method, path, status: res.status, allow: res.headers.allow }).toEqual({ method, path, status: 405, allow: expect.stringMatching(allow) });
      expect(res.json?.error?.code).toBe('method_not_allowed');
    }
  });
});

describe('log write errors', () => {
  it('keep the server answering when the logs sit on a full disk (/dev/full)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 've-devfull-'));
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    mkdirSync(join(dataDir, 'janus'), { recursive: true });
    symlinkSync('/dev/full', join(dataDir, 'logs/functions.log'));
    symlinkSync('/dev/full', join(dataDir, 'janus/janus.log'));
    let full: LocalStack | undefined;
    try {
      full = await startLocalStack({ root: ROOT, dataDir, port: 0, env: { LOG_LEVEL: 'debug' } });
      const p = Number(new URL(full.url).port);
      const h = `127.0.0.1:${p}`;
      const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        httpCall(p, { method: 'POST', path, headers: { host: h, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const token = (await call('/api/local/sign-in', {})).json.token as string;
      // Plenty of log lines in both processes: refusals, failures, a call (Janus logs it too).
      for (let i = 0; i < 40; i++) await call('/customer-token', { linkToken: `forged.${i}.x` });
      for (let i = 0; i < 40; i++) await call('/escalate', { Token: token, conversationId: `CHmissing${i}` });
      const res = await call('/escalate', { Token: token, conversationId: full.demo.conversationId });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect((await call('/end-call', { Token: token, escalationId: res.json.escalationId })).status).toBe(200);
      expect(processAlive(full.pids.functions)).toBe(true);
      expect(processAlive(full.pids.janus)).toBe(true);
      expect((await httpCall(p, { method: 'GET', path: '/console.html', headers: { host: h } })).status).toBe(200);
    } finally {
      await full?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (full?.mediaKeyFile) rmSync(full.mediaKeyFile, { force: true });
    }
  });
});
