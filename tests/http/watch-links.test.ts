import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { watchUrlFor } from '../../src/core/watch/watch-links';
import { TERMINAL_STATES, type PipelineJob } from '../../src/domain/pipeline-job';
import { MEDIA_DELETED_TEXT } from '../../src/domain/privacy';
import { linkTokenOf, startTestStack, type TestStack } from '../support/test-stack';

/**
 * The watch Function over HTTP on the real local stack (twilio-run behind the local origin), as
 * the watch page calls it: the link token in the body, refusals mapped to 401/403/410, the video
 * as a short-lived grant URL this origin's media route plays without a cookie, viewing recorded.
 * The recording is seeded finished: recording and composing are proven elsewhere.
 */
jest.setTimeout(120_000);

let stack: TestStack;
let agent: string;
let supervisor: string;

beforeAll(async () => {
  stack = await startTestStack();
  agent = await stack.signIn('agent');
  supervisor = await stack.signIn('supervisor');
});
afterAll(() => stack?.close());

const VIDEO_BYTES = Buffer.from('not really an mp4, but bytes the route serves');

/** A conversation with one ended call, its recording finished (video file, transcript, captions) and its watch link issued. */
async function finishedCall(name = 'Jordan') {
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: name })).id;
  const escalated = await stack.post('/escalate', { Token: agent, conversationId });
  expect(escalated.status).toBe(200);
  expect((await stack.post('/end-call', { Token: agent, escalationId: escalated.body.escalationId })).status).toBe(200);
  const deps = stack.backend.pipeline.deps;
  let job: PipelineJob | null = null;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    job = (await deps.store.listByConversation(conversationId))[0] ?? null;
    if (job && TERMINAL_STATES.includes(job.state)) break;
  }
  if (!job) throw new Error('no job');
  const finished: PipelineJob = { ...job, state: 'attached', video: { compositionId: `${job.recordingId}-video`, status: 'ready', durationSeconds: 20 }, version: job.version + 1 };
  expect(await deps.store.saveIfUnchanged(finished)).toBe(true);
  const dir = join(stack.dataDir, 'compositions', job.recordingId);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'video.mp4'), VIDEO_BYTES);
  const segments = [{ speaker: 'Agent', role: 'agent', participantIdentity: 'agent:alex', start: 1, end: 2, text: 'the lights should be green', words: [] }];
  await deps.artifacts.write(job.recordingId, 'transcript.json', JSON.stringify({ recordingId: job.recordingId, segments }));
  await deps.artifacts.write(job.recordingId, 'captions.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>the lights should be green\n');
  const url = (await watchUrlFor(deps, finished)) as string;
  return { conversationId, escalationId: String(escalated.body.escalationId), job: (await deps.store.get(job.roomName)) as PipelineJob, url, token: linkTokenOf(url) };
}

const watch = (body: Record<string, unknown>) => stack.post('/watch', body);
const refusal = (r: { status: number; body: any }) => [r.status, r.body?.error?.code];

/** A watch token signed with the stack's own key, with the claims a test needs (past expiry, another recording). */
const signed = (job: PipelineJob, claims: { rec?: string; conv?: string; exp?: number }) =>
  new SignJWT({ rec: claims.rec ?? job.recordingId, conv: claims.conv ?? job.conversationId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('video-escalation')
    .setAudience('watch-link')
    .setSubject('customer')
    .setJti(job.watchLink!.linkId)
    .setIssuedAt(job.watchLink!.issuedAt)
    .setExpirationTime(claims.exp ?? job.watchLink!.expiresAt)
    .sign(new TextEncoder().encode(stack.config.LINK_SIGNING_SECRET));

it('opens the recording for its link: a grant URL the media route plays without a cookie, captions and the transcript', async () => {
  const call = await finishedCall();
  expect(call.url).toBe(`${stack.url}/watch.html#t=${call.token}`);
  const opened = await watch({ action: 'open', linkToken: call.token });
  expect(opened.status).toBe(200);
  expect(opened.body).toMatchObject({
    recordingId: call.job.recordingId,
    title: 'Video call recording',
    access: 'video',
    video: { state: 'ready', url: expect.stringMatching(new RegExp(`^/media/recordings/${call.job.recordingId}/video\\.mp4\\?grant=`)) },
    transcript: { state: 'ready', segments: [{ speaker: 'Agent', start: 1, text: 'the lights should be green' }], captions: expect.stringContaining('<v Agent>') },
  });
  const video = await fetch(`${stack.url}${opened.body.video.url}`);
  expect(video.status).toBe(200);
  expect(Buffer.from(await video.arrayBuffer())).toEqual(VIDEO_BYTES);
  const range = await fetch(`${stack.url}${opened.body.video.url}`, { headers: { Range: 'bytes=4-9' } });
  expect([range.status, await range.text()]).toEqual([206, VIDEO_BYTES.subarray(4, 10).toString()]);
  // The grant opens that file of that recording only; without one, the route wants a viewer.
  const grant = new URL(opened.body.video.url, stack.url).searchParams.get('grant');
  expect((await fetch(`${stack.url}/media/recordings/${call.job.recordingId}/transcript.json?grant=${grant}`)).status).toBe(401);
  expect((await fetch(`${stack.url}/media/recordings/${call.job.recordingId}/video.mp4?grant=${grant}x`)).status).toBe(401);
  expect((await fetch(`${stack.url}/media/recordings/${call.job.recordingId}/video.mp4`)).status).toBe(401);
  expect((await watch({ action: 'video', linkToken: call.token })).body.url).toMatch(/\?grant=/);
});

it('refuses forged, foreign, expired, replaced and other-kind links with 401, 403 and 410, and a token in the URL with 400', async () => {
  const call = await finishedCall();
  const other = await finishedCall('Kim');
  expect(refusal(await watch({ action: 'open' }))).toEqual([400, 'invalid_request']);
  expect(refusal(await watch({ action: 'open', linkToken: 'forged' }))).toEqual([401, 'link_invalid']);
  expect(refusal(await watch({ action: 'open', linkToken: `${call.token.slice(0, -2)}xx` }))).toEqual([401, 'link_invalid']);
  const invitation = (await stack.backend.conversations.listMessages(call.conversationId)).find((m) => typeof m.attributes.url === 'string');
  expect(refusal(await watch({ action: 'open', linkToken: linkTokenOf(String(invitation?.attributes.url)) }))).toEqual([401, 'link_invalid']);
  expect(refusal(await watch({ action: 'open', linkToken: await signed(call.job, { exp: Math.floor(Date.now() / 1000) - 60 }) }))).toEqual([401, 'link_expired']);
  expect(refusal(await watch({ action: 'open', linkToken: await signed(call.job, { rec: other.job.recordingId }) }))).toEqual([403, 'not_allowed']);
  expect(refusal(await stack.post(`/watch?linkToken=${call.token}`, { action: 'open' }))).toEqual([400, 'token_in_query']);
  expect((await stack.get('/watch')).status).toBe(405);

  // A newer link: staff who may watch the recording send it; the old one answers 410.
  expect(refusal(await watch({ action: 'resend', recordingId: call.job.recordingId }))).toEqual([401, 'token_missing']);
  const resent = await stack.post('/watch', { action: 'resend', recordingId: call.job.recordingId, Token: agent });
  expect(resent.status).toBe(200);
  expect(refusal(await watch({ action: 'open', linkToken: call.token }))).toEqual([410, 'link_revoked']);
  expect((await watch({ action: 'open', linkToken: linkTokenOf(resent.body.url) })).status).toBe(200);
  const posted = (await stack.backend.conversations.listMessages(call.conversationId)).find((m) => m.attributes.type === 'video-watch-link');
  expect(posted?.body).toContain(resent.body.url);
});

it('says the video went under retention (410 for the video), keeps the transcript, and records viewing', async () => {
  const call = await finishedCall();
  expect((await watch({ action: 'view', linkToken: call.token, event: 'opened', positionSeconds: 0 })).body).toEqual({ recorded: true, view: { furthestSeconds: 0, completed: false } });
  expect((await watch({ action: 'view', linkToken: call.token, event: 'progress', positionSeconds: 19 })).body).toEqual({ recorded: true, view: { furthestSeconds: 19, completed: true } });
  expect(await stack.backend.deps.clipViews.get(call.escalationId, 'customer')).toMatchObject({ recordingId: call.job.recordingId, completed: true });
  const grantUrl = (await watch({ action: 'video', linkToken: call.token })).body.url as string;

  const deps = stack.backend.pipeline.deps;
  const job = (await deps.store.get(call.job.roomName)) as PipelineJob;
  await deps.store.saveIfUnchanged({ ...job, mediaDeletion: { state: 'deleted', reason: 'retention', startedAt: job.endedAt, deletedAt: job.endedAt }, version: job.version + 1 });
  const opened = await watch({ action: 'open', linkToken: call.token });
  expect(opened.body.video).toEqual({ state: 'deleted', message: `${MEDIA_DELETED_TEXT}.` });
  expect(opened.body.transcript.state).toBe('ready');
  const video = await watch({ action: 'video', linkToken: call.token });
  expect(refusal(video)).toEqual([410, 'media_deleted']);
  expect(video.body.error.message).toBe(`${MEDIA_DELETED_TEXT}.`);
  // A grant handed out before the deletion plays nothing either.
  expect((await fetch(`${stack.url}${grantUrl}`)).status).toBe(410);
});

it('stops working once the customer is erased (410), and leaves another customer’s link working', async () => {
  const call = await finishedCall();
  const other = await finishedCall('Kim');
  const erased = await stack.post('/erase-customer', { Token: supervisor, conversationId: call.conversationId, dryRun: false });
  expect(erased.status).toBe(200);
  expect(erased.body.counts.linkTokens).toBe(2); // the call invitation and the watch link
  expect(refusal(await watch({ action: 'open', linkToken: call.token }))).toEqual([410, 'recording_erased']);
  expect(refusal(await watch({ action: 'video', linkToken: call.token }))).toEqual([410, 'recording_erased']);
  expect((await watch({ action: 'open', linkToken: other.token })).status).toBe(200);
});

describe('CUSTOMER_RECORDING_ACCESS=transcript', () => {
  let transcriptOnly: TestStack;
  beforeAll(async () => {
    transcriptOnly = await startTestStack({ CUSTOMER_RECORDING_ACCESS: 'transcript' });
  });
  afterAll(() => transcriptOnly?.close());

  it('shows the transcript and refuses the video (403)', async () => {
    const saved = stack;
    stack = transcriptOnly;
    agent = await stack.signIn('agent');
    try {
      const call = await finishedCall();
      expect(call.url).toContain('/watch.html#t=');
      const opened = await watch({ action: 'open', linkToken: call.token });
      expect([opened.body.access, opened.body.video.state, opened.body.transcript.state]).toEqual(['transcript', 'withheld', 'ready']);
      expect(refusal(await watch({ action: 'video', linkToken: call.token }))).toEqual([403, 'not_allowed']);
    } finally {
      stack = saved;
      agent = await stack.signIn('agent');
    }
  });
});
