import WebSocket from 'ws';
import type { MediaAccess } from '../../src/domain/escalation';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Live calls and silent monitoring over HTTP against the real local stack (Functions under
 * twilio-run, Janus, SQLite): roles (401 without a token, 403 for agents), malformed bodies (4xx,
 * never 5xx), a receive-only grant for a hidden identity, and the session stored with its end.
 */
jest.setTimeout(90_000);

let stack: TestStack;
let agent: string;
let supervisor: string;
let escalationId: string;
let conversationId: string;

beforeAll(async () => {
  stack = await startTestStack();
  agent = await stack.signIn('agent');
  supervisor = await stack.signIn('supervisor');
  conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Printer jam', attributes: { customerName: 'Jordan Lee' } })).id;
  const escalated = await stack.post('/escalate', { Token: agent, conversationId });
  expect(escalated.status).toBe(200);
  escalationId = escalated.body.escalationId;
});
const sockets: WebSocket[] = [];
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await stack?.close();
});

type Json = Record<string, any>;

/** A Janus API socket through the stack's /janus proxy, as a browser on the stack's origin opens it. */
function janusViaProxy(access: MediaAccess): Promise<(message: Json) => Promise<Json>> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(access.serverUrl!, 'janus-protocol', { headers: { Origin: stack.url } });
    sockets.push(ws);
    ws.once('error', reject);
    let n = 0;
    ws.once('open', () =>
      resolve(
        (message) =>
          new Promise((answer) => {
            const transaction = `t${n++}`;
            const onMessage = (data: WebSocket.RawData): void => {
              const reply = JSON.parse(String(data)) as Json;
              if (reply.transaction !== transaction || reply.janus === 'ack') return;
              ws.off('message', onMessage);
              answer(reply);
            };
            ws.on('message', onMessage);
            ws.send(JSON.stringify({ ...message, token: access.serverToken, transaction }));
          }),
      ),
    );
  });
}

const expectError = (res: { status: number; body: any }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  if (code) expect(res.body.error.code).toBe(code);
};

describe('POST /live-calls', () => {
  it('lists the live call for a supervisor: agent, customer, since when, recording', async () => {
    const res = await stack.post('/live-calls', { Token: supervisor });
    expect(res.status).toBe(200);
    expect(res.body.calls).toEqual([
      { escalationId, conversationId, agentName: expect.any(String), customerName: 'Jordan Lee', startedAt: expect.any(String), recording: true },
    ]);
  });

  it('401 without a token, 403 for an agent', async () => {
    expectError(await stack.post('/live-calls', {}), 401, 'token_missing');
    expectError(await stack.post('/live-calls', { Token: 'forged.token.here' }), 401, 'token_invalid');
    expectError(await stack.post('/live-calls', { Token: agent }), 403, 'supervisor_required');
  });
});

describe('POST /monitor', () => {
  it('401 without a token, 403 for an agent (start and stop)', async () => {
    expectError(await stack.post('/monitor', { action: 'start', escalationId }), 401, 'token_missing');
    expectError(await stack.post('/monitor', { Token: agent, action: 'start', escalationId }), 403, 'supervisor_required');
    expectError(await stack.post('/monitor', { Token: agent, action: 'stop', monitoringId: 'abc' }), 403, 'supervisor_required');
  });

  it('malformed bodies get a 4xx, never a 5xx', async () => {
    const bad: unknown[] = [
      {},
      { action: 'start' },
      { action: 'watch', escalationId },
      { action: 'start', escalationId: "x' OR 1=1 --" },
      { action: 'start', escalationId: 'a'.repeat(10_000) },
      { action: 'start', escalationId: '' },
      { action: 'start', escalationId, bargeIn: 'maybe' },
      { action: 'stop' },
      { action: 'stop', monitoringId: '../../etc' },
      { action: 'start', escalationId: { $ne: null } },
    ];
    for (const body of bad) {
      const res = await stack.post('/monitor', { Token: supervisor, ...(body as object) });
      expect([res.status, body]).toEqual([400, body]);
    }
    expectError(await stack.post('/monitor', 'not json{', { Authorization: `Bearer ${supervisor}` }), 400);
    expectError(await stack.post('/monitor', { Token: supervisor, action: 'start', escalationId: 'no-such-call' }), 404, 'escalation_not_found');
    expectError(await stack.post('/monitor', { Token: supervisor, action: 'stop', monitoringId: 'no-such-session' }), 404, 'monitoring_not_found');
  });

  it('start: a receive-only grant for a hidden identity, stored; stop stores the end once', async () => {
    const started = await stack.post('/monitor', { Token: supervisor, action: 'start', escalationId });
    expect(started.status).toBe(200);
    const { monitoringId, access } = started.body;
    expect(access).toMatchObject({ provider: 'janus', role: 'supervisor', receiveOnly: true });
    expect(access.identity).toMatch(/^monitor:/);
    // The Janus room token marks the grant as a monitor's, so the proxy refuses it any publish.
    expect(access.token).toMatch(/^monitor\./);
    const stored = await stack.backend.deps.monitoring.get(monitoringId);
    expect(stored).toMatchObject({ escalationId, participantIdentity: access.identity, bargeIn: false });
    expect(stored?.endedAt).toBeUndefined();

    const stopped = await stack.post('/monitor', { Token: supervisor, action: 'stop', monitoringId });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual({ monitoringId, endedAt: expect.any(String) });
    expect((await stack.backend.deps.monitoring.get(monitoringId))?.endedAt).toBe(stopped.body.endedAt);
    const again = await stack.post('/monitor', { Token: supervisor, action: 'stop', monitoringId });
    expect(again.body.endedAt).toBe(stopped.body.endedAt);
  });

  it('through the real /janus proxy, a monitor grant joins the room but can never publish', async () => {
    const started = await stack.post('/monitor', { Token: supervisor, action: 'start', escalationId });
    const access: MediaAccess = started.body.access;
    const req = await janusViaProxy(access);
    const session = (await req({ janus: 'create' })).data.id as number;
    const handle = (await req({ janus: 'attach', session_id: session, plugin: 'janus.plugin.videoroom' })).data.id as number;
    const send = (body: Json, jsep?: Json) => req({ janus: 'message', session_id: session, handle_id: handle, body, ...(jsep ? { jsep } : {}) });
    const room = Number(access.roomSid);
    // Janus itself accepts the monitor's token (it is on the room's allowed list)...
    const joined = await send({ request: 'join', ptype: 'publisher', room, id: access.publisherIds!.camera, token: access.token });
    expect(joined.plugindata?.data?.videoroom).toBe('joined');
    // ...and the proxy refuses it every way of sending media.
    const offer = { type: 'offer', sdp: 'v=0\r\n' };
    for (const [body, jsep] of [[{ request: 'publish' }, offer], [{ request: 'publish' }], [{ request: 'configure', audio: true }, offer], [{ request: 'joinandconfigure', room }, offer]] as const) {
      expect(await send(body, jsep)).toMatchObject({ janus: 'error', error: { code: 403 } });
    }
    // Present in Janus, yet never counted in the call.
    const esc = await stack.backend.deps.escalations.get(escalationId);
    expect(await stack.backend.deps.rooms.connectedIdentities({ name: esc!.roomName, sid: esc!.roomSid })).not.toContain(access.identity);
    expect(await send({ request: 'leave' })).toMatchObject({ janus: 'event' });
    await stack.post('/monitor', { Token: supervisor, action: 'stop', monitoringId: started.body.monitoringId });
  });

  it('a call that ended cannot be monitored: 410', async () => {
    const other = (await stack.backend.conversations.createConversation({ friendlyName: 'Ended' })).id;
    const escalated = await stack.post('/escalate', { Token: agent, conversationId: other });
    expect((await stack.post('/end-call', { Token: agent, escalationId: escalated.body.escalationId })).status).toBe(200);
    expectError(await stack.post('/monitor', { Token: supervisor, action: 'start', escalationId: escalated.body.escalationId }), 410, 'call_ended');
  });
});
