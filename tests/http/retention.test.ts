import { TERMINAL_STATES, type PipelineJob } from '../../src/domain/pipeline-job';
import { MEDIA_DELETED_TEXT } from '../../src/domain/privacy';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Closing, legal holds and the sweep over HTTP against the real local stack: roles (403 for the
 * wrong agent or an agent's hold), the first close counting, a PII recording's video deleted at
 * close and then answered 410 Gone with the reason while its captions still play, and the stack's
 * sweep at an injected time honouring a hold.
 */
jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;
let now = new Date();
let stack: TestStack;
let agent: string;
let supervisor: string;

beforeAll(async () => {
  stack = await startTestStack({}, { clock: { now: () => now } });
  agent = await stack.signIn('agent');
  supervisor = await stack.signIn('supervisor');
});
afterAll(() => stack?.close());

/** A conversation with one ended call whose recording the pipeline finished: video, captions, PII flag as asked. */
async function finishedCall(pii: boolean): Promise<{ conversationId: string; job: PipelineJob }> {
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Card on the phone' })).id;
  const escalated = await stack.post('/escalate', { Token: agent, conversationId });
  expect(escalated.status).toBe(200);
  expect((await stack.post('/end-call', { Token: agent, escalationId: escalated.body.escalationId })).status).toBe(200);
  const store = stack.backend.pipeline.deps.store;
  let job: PipelineJob | null = null;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    job = (await store.listByConversation(conversationId))[0] ?? null;
    if (job && TERMINAL_STATES.includes(job.state)) break;
  }
  if (!job) throw new Error('no job');
  const finished: PipelineJob = { ...job, state: 'attached', video: { compositionId: `${job.recordingId}-video`, status: 'ready', durationSeconds: 5 }, ...(pii ? { pii: ['card_number'] } : {}), version: job.version + 1 };
  expect(await store.saveIfUnchanged(finished)).toBe(true);
  await stack.backend.pipeline.deps.artifacts.write(job.recordingId, 'captions.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nmy card is [card number]\n');
  return { conversationId, job: finished };
}

it('closing: the agent of the call or a supervisor; the first close counts; PII media goes at close and the video answers 410', async () => {
  const { conversationId, job } = await finishedCall(true);
  const stranger = await stack.post('/close-conversation', { Token: supervisor, conversationId: 'CHnobody' });
  expect(stranger.status).toBe(404);
  expect((await stack.post('/close-conversation', { conversationId })).status).toBe(401);

  const closed = await stack.post('/close-conversation', { Token: agent, conversationId });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ conversationId, source: 'console', onHold: false, mediaDeletesAt: expect.any(String) });
  const again = await stack.post('/close-conversation', { Token: supervisor, conversationId, source: 'task_completed' });
  expect(again.body).toEqual(closed.body);

  expect((await stack.backend.pipeline.deps.store.get(job.roomName))?.mediaDeletion).toMatchObject({ state: 'deleted', reason: 'pii' });
  const video = await stack.get(`/media/recordings/${job.recordingId}/video.mp4`, { Authorization: `Bearer ${supervisor}` });
  expect(video.status).toBe(410);
  expect(video.body.error).toMatchObject({ code: 'media_deleted', message: `${MEDIA_DELETED_TEXT}.` });
  const captions = await stack.get(`/media/recordings/${job.recordingId}/captions.vtt`, { Authorization: `Bearer ${supervisor}` });
  expect(captions.status).toBe(200);
  expect(String(captions.body)).toContain('[card number]');
});

it('legal hold: supervisors only, with a reason; the sweep at a later time keeps a held conversation and deletes the rest', async () => {
  const held = await finishedCall(false);
  const due = await finishedCall(false);
  for (const c of [held, due]) expect((await stack.post('/close-conversation', { Token: agent, conversationId: c.conversationId })).status).toBe(200);
  expect((await stack.post('/legal-hold', { Token: agent, conversationId: held.conversationId, action: 'set', reason: 'court order' })).status).toBe(403);
  expect((await stack.post('/legal-hold', { Token: supervisor, conversationId: held.conversationId, action: 'set', reason: '  ' })).status).toBe(400);
  const set = await stack.post('/legal-hold', { Token: supervisor, conversationId: held.conversationId, action: 'set', reason: ' court order 7 ' });
  expect(set.status).toBe(200);
  expect(set.body.hold).toMatchObject({ conversationId: held.conversationId, reason: 'court order 7', setBy: expect.any(String) });

  // Nothing is due before the retention days are up.
  expect(await stack.retention.sweepNow()).toMatchObject({ mediaDeleted: 0 });
  now = new Date(Date.now() + 91 * DAY);
  const report = await stack.retention.sweepNow();
  expect(report).toMatchObject({ held: 1, failed: 0 });
  const state = async (roomName: string) => (await stack.backend.pipeline.deps.store.get(roomName))?.mediaDeletion;
  expect(await state(held.job.roomName)).toBeUndefined();
  expect(await state(due.job.roomName)).toMatchObject({ state: 'deleted', reason: 'retention' });

  const lifted = await stack.post('/legal-hold', { Token: supervisor, conversationId: held.conversationId, action: 'lift' });
  expect(lifted.body).toEqual({ conversationId: held.conversationId, hold: null });
  await stack.retention.sweepNow();
  expect(await state(held.job.roomName)).toMatchObject({ state: 'deleted' });
});
