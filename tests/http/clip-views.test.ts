import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import type { Clip } from '../../src/domain/clip';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Clip viewer events over HTTP against the real stack: staff through the `clip-view` Function
 * (token), the customer through the local origin's `/media/clip-views` (the chat media cookie
 * their player uses). The customer's progress lands on the agent's clip message. The clip and its
 * composed recording are seeded in the store: recording and composing are proven elsewhere.
 */
jest.setTimeout(60_000);

let stack: TestStack;
let alex: string;

beforeAll(async () => {
  stack = await startTestStack();
  alex = await stack.signIn();
});
afterAll(async () => {
  await stack?.close();
});

const tokenFor = (identity: string, roles: ('agent' | 'supervisor')[]) => {
  const secret = JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8')).localAgentSecret as string;
  return new LocalIdentity(secret).issue({ identity, name: identity, roles });
};

/** An agent's clip, sent and composed (60 s), with its message in a new conversation. */
async function sentAgentClip() {
  const deps = stack.backend.deps;
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Views' })).id;
  const id = `clip${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const roomName = `clip-${id}-1`;
  const recordingId = `RE${id}`;
  const now = new Date().toISOString();
  const agentId = stack.config.LOCAL_AGENT_ID;
  const clip: Clip = {
    id,
    conversationId,
    authorRole: 'agent',
    authorIdentity: `agent:${agentId}`,
    authorName: 'Alex',
    agentIdentity: agentId,
    agentName: 'Alex',
    mode: 'camera',
    take: 1,
    roomName,
    roomSid: '1',
    status: 'sent',
    recordedSeconds: 60,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await deps.clips.insert(clip);
  await deps.pipeline.store.insertIfAbsent({
    roomName,
    roomSid: '1',
    conversationId,
    escalationId: id,
    recordingId,
    recording: true,
    endedAt: now,
    kind: 'clip',
    clip: { clipId: id, authorRole: 'agent', authorName: 'Alex', mode: 'camera' },
    state: 'attached',
    video: { compositionId: 'c1', status: 'ready', durationSeconds: 60 },
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  const message = await stack.backend.conversations.postMessage(conversationId, {
    author: 'Alex',
    body: 'Video clip from Alex · 1:00',
    attributes: { type: 'video-recording', kind: 'clip', clipId: id, authorRole: 'agent', recordingId, videoStatus: 'ready', durationSeconds: 60, idempotencyKey: roomName },
  });
  const attributes = async () => (await stack.backend.conversations.listMessages(conversationId)).find((m) => m.id === message.id)!.attributes;
  return { conversationId, recordingId, clipId: id, attributes };
}

/** The customer's chat media cookie, as their chat page gets it (GET /api/local/chat). */
async function chatCookie(conversationId: string): Promise<string> {
  const res = await fetch(`${stack.url}/api/local/chat`, { headers: { Authorization: `Bearer ${await stack.chatTokens.issue(conversationId)}` } });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^ve_chat_media=/);
  return cookie.split(';')[0];
}

const asCustomer = (cookie: string, body: unknown) => stack.post('/media/clip-views', body, { Cookie: cookie });

it('refuses viewers without a credential (401) and viewers who may not watch the clip (403)', async () => {
  const { recordingId, clipId } = await sentAgentClip();
  const event = { recordingId, event: 'opened' };
  expect((await stack.post('/media/clip-views', event)).status).toBe(401);
  expect((await stack.post('/clip-view', event)).status).toBe(401);
  expect((await stack.post('/clip-view', { ...event, Token: 'forged' })).status).toBe(401);
  // Another conversation's customer, and an agent who did not send the clip.
  const stranger = await chatCookie((await stack.backend.conversations.createConversation({ friendlyName: 'Other' })).id);
  const refused = await asCustomer(stranger, event);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('not_allowed');
  expect((await stack.post('/clip-view', { ...event, Token: await tokenFor('sam', ['agent']) })).status).toBe(403);
  expect((await stack.post('/clip-view', { recordingId: 'REnope', event: 'opened', Token: alex })).status).toBe(404);
  expect(await stack.backend.deps.clipViews.listByClip(clipId)).toEqual([]);
});

it('the customer’s progress updates the agent’s clip message; watched from 90 % on', async () => {
  const { conversationId, recordingId, clipId, attributes } = await sentAgentClip();
  const cookie = await chatCookie(conversationId);
  const opened = await asCustomer(cookie, { recordingId, event: 'opened' });
  expect(opened).toEqual({ status: 200, body: { recorded: true, view: { furthestSeconds: 0, completed: false } } });
  expect((await attributes()).views).toEqual({ customer: { furthestSeconds: 0, completed: false } });

  await asCustomer(cookie, { recordingId, event: 'progress', positionSeconds: 30 });
  expect((await attributes()).views).toEqual({ customer: { furthestSeconds: 30, completed: false } });
  // Seeking back lowers nothing; 54 s of 60 is 90 %: watched.
  await asCustomer(cookie, { recordingId, event: 'progress', positionSeconds: 10 });
  const done = await asCustomer(cookie, { recordingId, event: 'progress', positionSeconds: 54 });
  expect(done.body.view).toEqual({ furthestSeconds: 54, completed: true });
  const a = await attributes();
  expect(a.views).toEqual({ customer: { furthestSeconds: 54, completed: true } });
  expect(a).toMatchObject({ type: 'video-recording', kind: 'clip', recordingId, videoStatus: 'ready' });
  expect(await stack.backend.deps.clipViews.get(clipId, 'customer')).toMatchObject({ furthestSeconds: 54, completed: true, recordingId, conversationId });

  // The agent's own viewing is not a view; a supervisor's is, kept in the store only.
  expect((await stack.post('/clip-view', { recordingId, event: 'progress', positionSeconds: 60, Token: alex })).body).toEqual({ recorded: false });
  const supervisor = await stack.signIn('supervisor');
  expect((await stack.post('/clip-view', { recordingId, event: 'progress', positionSeconds: 12, Token: supervisor })).body).toEqual({
    recorded: true,
    view: { furthestSeconds: 12, completed: false },
  });
  expect((await stack.backend.deps.clipViews.listByClip(clipId)).map((v) => v.viewer).sort()).toEqual(['customer', `${stack.config.LOCAL_AGENT_ID}-supervisor`].sort());
  expect((await attributes()).views).toEqual({ customer: { furthestSeconds: 54, completed: true } });
});

it('malformed events are a 400 on both doors', async () => {
  const { conversationId, recordingId } = await sentAgentClip();
  const cookie = await chatCookie(conversationId);
  expect((await asCustomer(cookie, { recordingId, event: 'seen' })).status).toBe(400);
  expect((await asCustomer(cookie, { recordingId, event: 'progress', positionSeconds: -3 })).status).toBe(400);
  expect((await stack.post('/clip-view', { recordingId: '../x', event: 'opened', Token: alex })).status).toBe(400);
  expect((await stack.get('/media/clip-views', { Cookie: cookie })).status).toBe(405);
});
