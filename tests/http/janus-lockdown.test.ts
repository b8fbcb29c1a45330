/**
 * The media server is locked down (issue #8): Janus wants the server's API secret or a signed
 * per-grant token, creating rooms needs the server's admin key, and browsers reach Janus only
 * through the stack's /janus proxy, which checks Origin and Host and lets through only what the
 * browser client sends. Against the real stack and its real Janus.
 */
import WebSocket from 'ws';
import type { MediaAccess } from '../../src/domain/escalation';
import { signJanusToken } from '../../src/adapters/local/janus/janus-token';
import { startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(60_000);

type Json = Record<string, any>;

let stack: TestStack;
let access: MediaAccess;
const open: WebSocket[] = [];

beforeAll(async () => {
  stack = await startTestStack({ LIVE_TRANSCRIPTION: 'false' });
  const agentToken = await stack.signIn();
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Lockdown' })).id;
  const res = await stack.post('/escalate', { Token: agentToken, conversationId });
  expect(res.status).toBe(200);
  access = res.body.access;
});
afterAll(async () => {
  for (const ws of open) ws.terminate();
  await stack?.close();
});

/** Opens a Janus API socket; resolves the client, or rejects with the HTTP status of a refused upgrade. */
function connect(url: string, headers: Record<string, string> = {}): Promise<{ req(message: Json): Promise<Json> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'janus-protocol', { headers });
    open.push(ws);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () => {
      let n = 0;
      resolve({
        req: (message) =>
          new Promise((answer) => {
            const transaction = `t${n++}`;
            const onMessage = (data: WebSocket.RawData): void => {
              const reply = JSON.parse(String(data)) as Json;
              if (reply.transaction !== transaction || (reply.janus === 'ack' && message.janus !== 'keepalive')) return;
              ws.off('message', onMessage);
              answer(reply);
            };
            ws.on('message', onMessage);
            ws.send(JSON.stringify({ ...message, transaction }));
          }),
      });
    });
  });
}

const viaProxy = () => connect(access.serverUrl!, { Origin: stack.url });
const direct = () => connect(stack.config.JANUS_WS_URL);

/** A session with a videoroom handle, every request carrying `token`. */
async function videoroomHandle(client: { req(m: Json): Promise<Json> }, token: string) {
  const session = await client.req({ janus: 'create', token });
  expect(session).toMatchObject({ janus: 'success' });
  const handle = await client.req({ janus: 'attach', session_id: session.data.id, plugin: 'janus.plugin.videoroom', token });
  expect(handle).toMatchObject({ janus: 'success' });
  const send = (body: Json) => client.req({ janus: 'message', session_id: session.data.id, handle_id: handle.data.id, token, body });
  return { send, session: session.data.id as number, handle: handle.data.id as number };
}

const UNAUTHORIZED = { janus: 'error', error: { code: 403 } };

test('the grant points browsers at the proxy on the stack origin, with a signed token that ends with the grant', () => {
  expect(access.serverUrl).toBe(`${stack.url.replace(/^http/, 'ws')}/janus`);
  const expiry = Math.floor(Date.parse(access.expiresAt) / 1000);
  expect(access.serverToken).toMatch(new RegExp(`^${expiry},janus,janus\\.plugin\\.videoroom:`));
});

test('Janus has no TCP port, and refuses a session without the API secret or a token', async () => {
  expect(stack.config.JANUS_WS_URL).toMatch(/^ws\+unix:\//);
  const janus = await direct();
  expect(await janus.req({ janus: 'create' })).toMatchObject(UNAUTHORIZED);
  expect(await janus.req({ janus: 'create', apisecret: 'guess' })).toMatchObject(UNAUTHORIZED);
  // The server's own secret works: the refusal above is the lock, not a broken socket.
  expect(await janus.req({ janus: 'create', apisecret: stack.config.JANUS_API_SECRET })).toMatchObject({ janus: 'success' });
});

test('with a real grant token, the proxy refuses creating rooms, listing participants and other admin requests', async () => {
  const proxy = await viaProxy();
  const room = Number(access.roomSid);
  const { send } = await videoroomHandle(proxy, access.serverToken!);
  for (const body of [
    { request: 'create', room: 4242, admin_key: 'guess' },
    { request: 'listparticipants', room },
    { request: 'list' },
    { request: 'exists', room },
    { request: 'destroy', room, secret: 'guess' },
    { request: 'edit', room, secret: 'guess' },
    { request: 'allowed', room, action: 'add', allowed: ['mine'], secret: 'guess' },
    { request: 'kick', room, id: 1, secret: 'guess' },
    { request: 'rtp_forward', room, publisher_id: 1, host: '127.0.0.1' },
    { request: 'enable_recording', room, record: false, secret: 'guess' },
  ]) {
    expect({ body, reply: await send(body) }).toMatchObject({ body, reply: UNAUTHORIZED });
  }
  // The room is untouched: it still exists, and the server sees nobody in it.
  expect(await stack.backend.rooms.isOpen({ name: access.roomName, sid: access.roomSid })).toBe(true);
});

test('a participant who joined may list its own room (resync after a reconnect), no one else may', async () => {
  const room = Number(access.roomSid);
  const proxy = await viaProxy();
  const joinedHandle = await videoroomHandle(proxy, access.serverToken!);
  const joined = await joinedHandle.send({ request: 'join', ptype: 'publisher', room, id: access.publisherIds!.camera, token: access.token, display: 'x' });
  expect(joined.plugindata?.data).toMatchObject({ videoroom: 'joined', room });
  const listed = await joinedHandle.send({ request: 'listparticipants', room });
  expect(listed.plugindata?.data).toMatchObject({ videoroom: 'participants', participants: [expect.objectContaining({ id: access.publisherIds!.camera })] });
  // Another handle of the same session did not join: refused.
  const other = await proxy.req({ janus: 'attach', session_id: joinedHandle.session, plugin: 'janus.plugin.videoroom', token: access.serverToken });
  expect(await proxy.req({ janus: 'message', session_id: joinedHandle.session, handle_id: other.data.id, token: access.serverToken, body: { request: 'listparticipants', room } })).toMatchObject(UNAUTHORIZED);
  // Another connection naming the joined session and handle: refused (it neither created nor claimed it).
  const intruder = await viaProxy();
  expect(
    await intruder.req({ janus: 'message', session_id: joinedHandle.session, handle_id: joinedHandle.handle, token: access.serverToken, body: { request: 'listparticipants', room } }),
  ).toMatchObject(UNAUTHORIZED);
  await joinedHandle.send({ request: 'leave' });
});

test('straight to Janus with a grant token, creating a room still needs the server admin key', async () => {
  const janus = await direct();
  const { send } = await videoroomHandle(janus, access.serverToken!);
  expect((await send({ request: 'create', room: 4243 })).plugindata.data).toMatchObject({ error_code: expect.any(Number), error: expect.stringMatching(/admin_key/) });
  expect((await send({ request: 'create', room: 4243, admin_key: 'guess' })).plugindata.data).toMatchObject({ error_code: expect.any(Number) });
  // Janus itself does NOT refuse listparticipants to a token holder who knows a room id: that is why
  // Janus listens on a Unix socket only and browsers get the proxy. This documents the fact.
  expect((await send({ request: 'listparticipants', room: Number(access.roomSid) })).plugindata.data).toMatchObject({ videoroom: 'participants' });
});

test('the proxy refuses an upgrade from another origin, to another host, or without Origin', async () => {
  await expect(connect(access.serverUrl!, { Origin: 'http://evil.example' })).rejects.toThrow('refused 403');
  await expect(connect(access.serverUrl!, { Origin: stack.url.replace('127.0.0.1', 'localhost') })).rejects.toThrow('refused 403');
  await expect(connect(access.serverUrl!)).rejects.toThrow('refused 403');
  await expect(connect(access.serverUrl!, { Origin: stack.url, Host: 'evil.example' })).rejects.toThrow('refused 403');
  await expect(connect(`${stack.url.replace(/^http/, 'ws')}/janus-other`, { Origin: stack.url })).rejects.toThrow('refused 404');
});

test('an expired or forged token is refused', async () => {
  const proxy = await viaProxy();
  const expired = signJanusToken(stack.config.JANUS_TOKEN_SECRET!, new Date(Date.now() - 1000));
  const forged = signJanusToken('not-the-server-secret-at-all', new Date(Date.now() + 600_000));
  const tampered = access.serverToken!.replace(/^\d+/, (expiry) => String(Number(expiry) + 3600));
  for (const token of [expired, forged, tampered, 'garbage']) {
    expect({ token, reply: await proxy.req({ janus: 'create', token }) }).toMatchObject({ token, reply: UNAUTHORIZED });
  }
  // The real one still works on this very connection.
  expect(await proxy.req({ janus: 'create', token: access.serverToken })).toMatchObject({ janus: 'success' });
});
