import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import { CLIP_RECORDING_NOTICE } from '../../src/domain/consent';
import { linkTokenOf, startTestStack, type TestStack } from '../support/test-stack';

/**
 * The clip endpoints over HTTP against the real stack (real Janus): who may record, with which
 * link, in which order of steps; every mistake a clear 4xx. Media itself is proven in the browser
 * suite (tests/e2e/async-clips.test.ts).
 */
jest.setTimeout(60_000);

const LINK_TTL_SECONDS = 3;
const CLIP_LIMITS_SECRET = 'scheduler-secret-that-is-long-enough-1234';
let stack: TestStack;
let alex: string;

beforeAll(async () => {
  stack = await startTestStack({ LINK_TTL_SECONDS: String(LINK_TTL_SECONDS), CLIP_LIMITS_SECRET });
  alex = await stack.signIn();
});
afterAll(async () => {
  await stack?.close();
});

const newConversation = async () => (await stack.backend.conversations.createConversation({ friendlyName: 'Clips' })).id;
const tokenFor = (identity: string, roles: ('agent' | 'supervisor')[]) => {
  const secret = JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8')).localAgentSecret as string;
  return new LocalIdentity(secret).issue({ identity, name: identity, roles });
};
const consent = { consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version };
const clip = (linkToken: string, action: string, extra: Record<string, unknown> = {}) => stack.post('/clip', { linkToken, action, ...extra });

async function offered() {
  const conversationId = await newConversation();
  const offer = await stack.post('/offer-clip', { Token: alex, conversationId });
  expect(offer.status).toBe(200);
  return { conversationId, url: offer.body.url as string, token: linkTokenOf(offer.body.url) };
}

it('an agent offers a clip: the recording link goes into the chat; only agents may offer', async () => {
  const { conversationId, url } = await offered();
  const messages = await stack.backend.conversations.listMessages(conversationId);
  expect(messages.at(-1)?.attributes).toMatchObject({ type: 'video-clip-request', url });
  expect(new URL(url).pathname).toBe('/record.html');
  expect((await stack.post('/offer-clip', { conversationId })).status).toBe(401);
  expect((await stack.post('/offer-clip', { Token: alex, conversationId: 'nope' })).status).toBe(404);
});

it('takes a customer through start, pause, resume, stop and discard on the real media server', async () => {
  const { token } = await offered();
  const checked = await clip(token, 'check');
  expect(checked.status).toBe(200);
  expect(checked.body.clip).toMatchObject({ status: 'offered', maxSeconds: 180, warnAtSeconds: 150, agentName: 'Alex (Agent)' });
  expect(checked.body.clip.notice.version).toBe(CLIP_RECORDING_NOTICE.version);

  expect((await clip(token, 'start', { mode: 'camera' })).body.error.code).toBe('consent_required');
  const started = await clip(token, 'start', { mode: 'screen+camera', ...consent });
  expect(started.status).toBe(200);
  expect(started.body.access).toMatchObject({ provider: 'janus', role: 'customer' });
  expect(started.body.clip).toMatchObject({ status: 'recording', take: 1, mode: 'screen+camera' });
  expect((await clip(token, 'start', { mode: 'camera', ...consent })).status).toBe(409);

  expect((await clip(token, 'pause')).body.clip.status).toBe('paused');
  expect((await clip(token, 'pause')).status).toBe(409);
  expect((await clip(token, 'resume')).body.clip.status).toBe('recording');
  const stopped = await clip(token, 'stop');
  expect(stopped.body.clip).toMatchObject({ status: 'stopped', stopCause: 'author' });
  const room = { name: started.body.access.roomName, sid: started.body.access.roomSid };
  expect(await stack.backend.deps.rooms.isOpen(room)).toBe(false);
  expect((await clip(token, 'discard')).body.clip.status).toBe('discarded');
  const again = await clip(token, 'start', { mode: 'camera', ...consent });
  expect(again.body.clip.take).toBe(2);
  expect(again.body.access.roomName).not.toBe(room.name);
  expect((await clip(token, 'retake')).body.clip.status).toBe('discarded');
});

it('refuses a call link, a forged or replaced recording link, and an expired one', async () => {
  const conversationId = await newConversation();
  const call = await stack.post('/escalate', { Token: alex, conversationId });
  expect((await clip(linkTokenOf(call.body.customerLink), 'check')).body.error.code).toBe('link_invalid');

  const { token } = await offered();
  expect((await stack.post('/customer-token', { linkToken: token, action: 'check' })).body.error.code).toBe('link_invalid');
  const forged = `${token.slice(0, -4)}AAAA`;
  expect((await clip(forged, 'check')).status).toBe(401);

  const first = await offered();
  const second = await stack.post('/offer-clip', { Token: alex, conversationId: first.conversationId });
  const replaced = await clip(first.token, 'check');
  expect(replaced.status).toBe(410);
  expect(replaced.body.error.code).toBe('link_revoked');
  await new Promise((r) => setTimeout(r, LINK_TTL_SECONDS * 1000 + 200));
  const expired = await clip(linkTokenOf(second.body.url), 'check');
  expect(expired.status).toBe(401);
  expect(expired.body.error.code).toBe('link_expired');
});

it("an agent records their own clip; another agent cannot touch it; bad input is a 4xx", async () => {
  const conversationId = await newConversation();
  const draft = await stack.post('/clip', { Token: alex, action: 'check', conversationId });
  expect(draft.body.clip).toMatchObject({ clipId: '', status: 'offered', take: 0, authorRole: 'agent' });
  expect(await stack.backend.deps.clips.listByConversation(conversationId)).toEqual([]);
  const started = await stack.post('/clip', { Token: alex, action: 'start', conversationId, mode: 'camera', ...consent });
  expect(started.status).toBe(200);
  expect(started.body.clip.authorRole).toBe('agent');
  const clipId = started.body.clip.clipId as string;
  const bob = await stack.post('/clip', { Token: await tokenFor('bob', ['agent']), action: 'stop', clipId });
  expect(bob.status).toBe(403);
  expect(bob.body.error.code).toBe('not_your_clip');
  expect((await stack.post('/clip', { action: 'check', clipId })).status).toBe(401);
  expect((await stack.post('/clip', { Token: alex, action: 'start', conversationId, mode: 'hologram', ...consent })).status).toBe(400);
  expect((await stack.post('/clip', { Token: alex, action: 'explode', clipId })).status).toBe(400);
  expect((await stack.post('/clip', { Token: alex, action: 'check' })).status).toBe(400);
  expect((await stack.post('/clip', { Token: alex, action: 'stop', clipId })).body.clip.status).toBe('stopped');
});

it('the scheduler’s cap call (Twilio) needs its secret, and answers which takes it ended', async () => {
  expect((await stack.post('/clip-limits', {})).status).toBe(400);
  const wrong = await stack.post('/clip-limits', { secret: 'guess' });
  expect(wrong.status).toBe(401);
  expect(wrong.body.error.code).toBe('secret_invalid');
  const ok = await stack.post('/clip-limits', { secret: CLIP_LIMITS_SECRET });
  expect(ok.status).toBe(200);
  expect(ok.body).toEqual({ stopped: [] });
});
