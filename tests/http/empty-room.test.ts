/**
 * A call nobody ends by hand still ends (issue #8): once the last participant has left, the room
 * stays empty for ROOM_EMPTY_TIMEOUT_SECONDS, and the stack's EmptyRoomWatcher ends it in Janus
 * and completes the call. Real stack, real Janus; the participant is a bare publisher joined
 * through the /janus proxy the way the browser client joins.
 */
import WebSocket from 'ws';
import type { MediaAccess } from '../../src/domain/escalation';
import { ENDED_MESSAGE_TYPE } from '../../src/core/end-call';
import { linkTokenOf, startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(60_000);

const TIMEOUT_SECONDS = 3;
let stack: TestStack;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  stack = await startTestStack({ ROOM_EMPTY_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS), LIVE_TRANSCRIPTION: 'false' });
});
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await stack?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Joins the grant's room as a publisher (no media) through the proxy; returns a way to leave. */
async function joinRoom(access: MediaAccess): Promise<{ leave(): Promise<void> }> {
  const ws = new WebSocket(access.serverUrl!, 'janus-protocol', { headers: { Origin: stack.url } });
  sockets.push(ws);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let n = 0;
  const req = (message: Record<string, unknown>) =>
    new Promise<any>((resolve) => {
      const transaction = `t${n++}`;
      ws.on('message', function onMessage(data) {
        const reply = JSON.parse(String(data));
        if (reply.transaction !== transaction || reply.janus === 'ack') return;
        ws.off('message', onMessage);
        resolve(reply);
      });
      ws.send(JSON.stringify({ ...message, token: access.serverToken, transaction }));
    });
  const session = (await req({ janus: 'create' })).data.id;
  const handle = (await req({ janus: 'attach', session_id: session, plugin: 'janus.plugin.videoroom' })).data.id;
  const body = { request: 'join', ptype: 'publisher', room: Number(access.roomSid), id: access.publisherIds!.camera, token: access.token, display: 'Agent' };
  const joined = await req({ janus: 'message', session_id: session, handle_id: handle, body });
  expect(joined.plugindata.data).toMatchObject({ videoroom: 'joined' });
  return { leave: async () => void (await req({ janus: 'message', session_id: session, handle_id: handle, body: { request: 'leave' } })) };
}

test('a room is kept while someone is in it, and ended with its call once it stays empty past the timeout', async () => {
  const agentToken = await stack.signIn();
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Empty room' })).id;
  const res = await stack.post('/escalate', { Token: agentToken, conversationId });
  expect(res.status).toBe(200);
  const { escalationId, access } = res.body as { escalationId: string; access: MediaAccess };
  const room = { name: access.roomName, sid: access.roomSid };
  const agent = await joinRoom(access);

  // Someone is in: well past the timeout, the call goes on.
  await sleep((TIMEOUT_SECONDS + 2) * 1000);
  expect((await stack.backend.deps.escalations.get(escalationId))?.status).toBe('active');
  expect(await stack.backend.rooms.connectedIdentities(room)).toEqual(['agent:alex']);

  // The last participant leaves without pressing End.
  await agent.leave();
  const left = Date.now();
  let status: string | undefined;
  while (Date.now() - left < 20_000) {
    status = (await stack.backend.deps.escalations.get(escalationId))?.status;
    if (status === 'ended') break;
    await sleep(200);
  }
  const waited = (Date.now() - left) / 1000;
  expect(status).toBe('ended');
  expect(waited).toBeGreaterThanOrEqual(TIMEOUT_SECONDS - 0.5); // not before the timeout…
  expect(waited).toBeLessThan(TIMEOUT_SECONDS + 5); // …and soon after it (the watcher looks every second here)
  console.log(`figure: empty_room_ended_after_s ${waited.toFixed(1)}`);

  expect(await stack.backend.rooms.isOpen(room)).toBe(false);
  const escalation = await stack.backend.deps.escalations.get(escalationId);
  expect(escalation?.endedBy).toBe('system');
  const messages = await stack.backend.conversations.listMessages(conversationId);
  expect(messages.filter((m) => m.attributes.type === ENDED_MESSAGE_TYPE)).toHaveLength(1);
  // The customer link is dead with the call.
  const link = messages.find((m) => typeof m.attributes.url === 'string')!.attributes.url as string;
  const check = await stack.post('/customer-token', { linkToken: linkTokenOf(link), action: 'check' });
  expect(check).toMatchObject({ status: 410, body: { error: { code: 'call_ended' } } });
});
