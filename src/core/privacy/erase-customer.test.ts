import { CUSTOMER_VIEWER } from '../../domain/clip-views';
import { DomainError } from '../../domain/errors';
import { ERASED_TEXT } from '../../domain/privacy';
import type { PipelineJob, RecordingTranscript } from '../../domain/pipeline-job';
import { offerClip } from '../clips/offer-clip';
import { endCall } from '../end-call';
import { escalate } from '../escalate';
import { recordingMessage } from '../pipeline/text/recording-message';
import { agent, makeTestDeps, supervisor } from '../test-support/local-deps';
import { eraseCustomer } from './erase-customer';

type T = Awaited<ReturnType<typeof makeTestDeps>>;

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return `${e.status} ${e.code}: ${e.message}`;
    throw e;
  }
  return 'resolved';
};

const transcriptOf = (words: string): RecordingTranscript => ({
  engine: 'test',
  segments: [{ speaker: 'Customer', role: 'customer', participantIdentity: 'customer:x', start: 1, end: 3, text: words, words: [] }],
});

/** One recording as the pipeline leaves it: attached, its message posted, indexed, 3 media items. */
async function recorded(t: T, o: { conversationId: string; roomName: string; escalationId: string; words: string; kind?: 'call' | 'clip' }): Promise<PipelineJob> {
  const transcript = transcriptOf(o.words);
  // A call's end already handed its room to the pipeline: this finishes that job.
  const existing = await t.pipelineDeps.store.get(o.roomName);
  const job: PipelineJob = {
    roomName: o.roomName,
    roomSid: 'RM1',
    conversationId: o.conversationId,
    escalationId: o.escalationId,
    recordingId: existing?.recordingId ?? `RE${o.roomName.replace(/[^A-Za-z0-9]/g, '')}`,
    recording: true,
    endedAt: '2026-11-21T10:05:00.000Z',
    kind: o.kind ?? 'call',
    ...(o.kind === 'clip' ? { clip: { clipId: o.escalationId, authorRole: 'customer' as const, authorName: 'Customer', mode: 'camera' as const } } : {}),
    state: 'attached',
    video: { compositionId: 'CJ1', status: 'ready', durationSeconds: 30 },
    speakers: [{ participantIdentity: 'customer:x', role: 'customer', startOffsetSeconds: 0, compositionId: 'CJ2', compositionStatus: 'ready', transcribeAttempts: 1, transcriptStatus: 'ready', segments: [{ start: 1, end: 3, text: o.words, words: [] }] }],
    transcript,
    version: (existing?.version ?? 0) + 1,
    createdAt: '2026-11-21T10:05:00.000Z',
    updatedAt: '2026-11-21T10:05:00.000Z',
  };
  if (!(existing ? await t.pipelineDeps.store.saveIfUnchanged(job) : await t.pipelineDeps.store.insertIfAbsent(job))) throw new Error('job not stored');
  const message = recordingMessage(job, transcript, 30, t.pipelineDeps.artifacts.urls(job.recordingId));
  await t.conversations.postMessage(o.conversationId, { author: 'system', ...message, attributes: { ...message.attributes, views: { customer: { furthestSeconds: 3, completed: false } } } });
  t.recordingMedia.seed(job.recordingId, [1000, 2000, 3000]);
  await t.pipelineDeps.artifacts.write(job.recordingId, 'transcript.json', JSON.stringify(transcript));
  await t.pipelineDeps.artifacts.write(job.recordingId, 'captions.vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n${o.words}\n`);
  await t.store.library.upsert({ recordingId: job.recordingId, conversationId: o.conversationId, kind: job.kind ?? 'call', agentIdentity: 'alex', agentName: 'Alex', customerName: 'Jordan', endedAt: job.endedAt, durationSeconds: 30, state: 'ready', hasTranscript: true });
  await t.store.library.replaceLines(job.recordingId, [{ start: 1, end: 3, speaker: 'Customer', text: o.words }]);
  return job;
}

/**
 * Conversation A (Jordan): a finished call and a clip Jordan recorded, which Jordan and the agent
 * watched. Conversation B (Kim): a finished call. Erasing Jordan must leave Kim's intact.
 */
async function twoCustomers() {
  const t = await makeTestDeps();
  t.pipelineDeps.library = t.store.library;
  const a = await t.conversations.createConversation({ friendlyName: 'A', attributes: { customerName: 'Jordan' } });
  const b = await t.conversations.createConversation({ friendlyName: 'B', attributes: { customerName: 'Kim' } });
  const callA = (await escalate(t.deps, agent, a.id)).escalation;
  await endCall(t.deps, agent, callA.id);
  const jobA = await recorded(t, { conversationId: a.id, roomName: callA.roomName, escalationId: callA.id, words: 'my card is on the fridge' });
  const { clipId } = await offerClip(t.deps, agent, a.id);
  const clip = (await t.deps.clips.get(clipId))!;
  await t.deps.clips.saveIfUnchanged({ ...clip, status: 'sent', take: 1, roomName: `clip-${clipId}-1`, version: clip.version + 1 });
  const clipJob = await recorded(t, { conversationId: a.id, roomName: `clip-${clipId}-1`, escalationId: clipId, words: 'here is the broken router', kind: 'clip' });
  for (const viewer of [CUSTOMER_VIEWER, 'alex']) {
    await t.deps.clipViews.record({ clipId, viewer, recordingId: clipJob.recordingId, conversationId: a.id, openedAt: '2026-11-21T10:06:00.000Z', furthestSeconds: 3, completed: false, lastEventAt: '2026-11-21T10:06:00.000Z' });
  }
  const callB = (await escalate(t.deps, agent, b.id)).escalation;
  await endCall(t.deps, agent, callB.id);
  const jobB = await recorded(t, { conversationId: b.id, roomName: callB.roomName, escalationId: callB.id, words: 'kim speaking about billing' });
  return { t, a: a.id, b: b.id, callA, clipId, clipAuthor: clip.authorIdentity, jobA, clipJob, jobB };
}

const expected = { conversations: 1, recordings: 2, mediaFiles: 6, transcripts: 2, messages: 4, linkTokens: 2, clipViews: 1 };

describe('erasure on request', () => {
  it('is for supervisors: an agent gets a 403 and nothing is counted', async () => {
    const { t, a } = await twoCustomers();
    expect(await codeOf(eraseCustomer(t.deps, agent, { conversationId: a, dryRun: true }))).toMatch(/^403 supervisor_required/);
  });

  it('the dry run counts what the real run then erases, and changes nothing itself', async () => {
    const { t, a, jobA } = await twoCustomers();
    const dry = await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: true });
    // Two recordings × 3 media items; 2 recording messages + the call invitation + the clip request.
    expect(dry).toEqual({ dryRun: true, counts: expected });
    expect(await t.recordingMedia.countMedia(jobA)).toBe(3);
    expect((await t.pipelineDeps.store.get(jobA.roomName))?.transcript).toBeDefined();
    const real = await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: false });
    expect(real.counts).toEqual(dry.counts);
    expect(real.auditId).toEqual(expect.any(String));
  });

  it("erases media, transcripts, captions, index lines, message text, link tokens and the customer's clip views; keeps consents; leaves the other customer intact", async () => {
    const { t, a, b, callA, clipId, jobA, clipJob, jobB } = await twoCustomers();
    const consentsBefore = await t.deps.consents.listByEscalation(callA.id);
    expect(consentsBefore.length).toBeGreaterThan(0);
    await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: false });

    for (const job of [jobA, clipJob]) {
      expect(await t.recordingMedia.countMedia(job)).toBe(0);
      expect(await t.pipelineDeps.artifacts.read(job.recordingId, 'transcript.json')).toBeNull();
      expect(await t.pipelineDeps.artifacts.read(job.recordingId, 'captions.vtt')).toBeNull();
      const after = (await t.pipelineDeps.store.get(job.roomName))!;
      expect(after.transcript).toBeUndefined();
      expect(after.speakers?.every((s) => s.segments === undefined)).toBe(true);
      expect(after.mediaDeletion).toMatchObject({ state: 'deleted', reason: 'erasure' });
      expect(after.transcriptDeletedAt).toEqual(expect.any(String));
      expect(await t.store.library.get(job.recordingId)).toMatchObject({ hasTranscript: false });
    }
    expect(await t.store.library.search({ text: 'fridge', filter: {}, limit: 10 })).toEqual([]);
    expect(await t.store.library.search({ text: 'router', filter: {}, limit: 10 })).toEqual([]);

    const messages = await t.conversations.listMessages(a);
    const text = JSON.stringify(messages);
    for (const gone of ['fridge', 'router', '#t=', 'mediaUrl', 'captionsUrl', '"views"']) expect(text).not.toContain(gone);
    const recordings = messages.filter((m) => m.attributes.type === 'video-recording');
    expect(recordings.map((m) => m.body)).toEqual([`Video call recording · 0:30 · video and transcript ${ERASED_TEXT}`, `Video clip from Customer · 0:30 · video and transcript ${ERASED_TEXT}`]);
    expect(recordings.every((m) => m.attributes.erased === true)).toBe(true);

    expect((await t.deps.escalations.get(callA.id))?.linkId).toMatch(/^revoked-/);
    expect((await t.deps.clips.get(clipId))?.linkId).toMatch(/^revoked-/);
    expect((await t.deps.clipViews.listByClip(clipId)).map((v) => v.viewer)).toEqual(['alex']);
    expect(await t.deps.consents.listByEscalation(callA.id)).toEqual(consentsBefore);

    const [entry] = await t.deps.privacy.listAudit({ conversationId: a });
    expect(entry).toMatchObject({ action: 'erasure.performed', actor: 'sue', conversationId: a, details: { ...expected } });
    expect(JSON.stringify(entry)).not.toMatch(/fridge|router|Jordan/);

    // Kim's conversation: untouched.
    expect(await t.recordingMedia.countMedia(jobB)).toBe(3);
    expect((await t.pipelineDeps.store.get(jobB.roomName))?.transcript?.segments[0].text).toBe('kim speaking about billing');
    expect(await t.pipelineDeps.artifacts.read(jobB.recordingId, 'captions.vtt')).toContain('kim speaking');
    expect(JSON.stringify(await t.conversations.listMessages(b))).toContain('kim speaking about billing');
    expect(await t.store.library.search({ text: 'billing', filter: {}, limit: 10 })).toHaveLength(1);
  });

  it('a second run finds nothing, erases nothing and writes no second audit entry', async () => {
    const { t, a } = await twoCustomers();
    await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: false });
    const zero = { conversations: 0, recordings: 0, mediaFiles: 0, transcripts: 0, messages: 0, linkTokens: 0, clipViews: 0 };
    expect(await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: true })).toEqual({ dryRun: true, counts: zero });
    expect(await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: false })).toEqual({ dryRun: false, counts: zero });
    expect(await t.deps.privacy.listAudit({ conversationId: a })).toHaveLength(1);
  });

  it("an identity (a call link's or a clip's customer) leads to that customer's conversation; unknown ones are a 404", async () => {
    const { t, callA, clipAuthor } = await twoCustomers();
    expect((await eraseCustomer(t.deps, supervisor, { customerIdentity: callA.customerIdentity, dryRun: true })).counts).toEqual(expected);
    expect((await eraseCustomer(t.deps, supervisor, { customerIdentity: clipAuthor, dryRun: true })).counts).toEqual(expected);
    expect(await codeOf(eraseCustomer(t.deps, supervisor, { customerIdentity: 'customer:nobody', dryRun: true }))).toMatch(/^404 customer_not_found/);
    expect(await codeOf(eraseCustomer(t.deps, supervisor, { conversationId: 'CHnothing', dryRun: true }))).toMatch(/^404 conversation_not_found/);
  });

  it('a conversation under legal hold is refused with a 409 naming the hold, dry run included; nothing is erased', async () => {
    const { t, a, jobA } = await twoCustomers();
    await t.deps.privacy.setHold({ conversationId: a, reason: 'Case 42 litigation', setBy: 'sue', setAt: '2026-11-21T11:00:00.000Z' });
    for (const dryRun of [true, false]) {
      expect(await codeOf(eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun }))).toBe(
        `409 legal_hold: Conversation ${a} is under legal hold (set by sue: "Case 42 litigation"). Nothing was erased; lift the hold first.`,
      );
    }
    expect(await t.recordingMedia.countMedia(jobA)).toBe(3);
    await t.deps.privacy.liftHold(a);
    expect((await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: false })).counts).toEqual(expected);
  });

  it('waits (409) while a recording of the conversation is still being processed', async () => {
    const { t, a, jobA } = await twoCustomers();
    const job = (await t.pipelineDeps.store.get(jobA.roomName))!;
    await t.pipelineDeps.store.saveIfUnchanged({ ...job, state: 'processing', version: job.version + 1 });
    expect(await codeOf(eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: true }))).toMatch(/^409 recording_in_progress/);
  });

  it('an erasure cut short halfway is finished by the next run: every recording ends erased and marked', async () => {
    const { t, a, jobA, clipJob } = await twoCustomers();
    t.recordingMedia.failAfter = 1;
    await expect(eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: false })).rejects.toThrow('halfway');
    expect((await t.pipelineDeps.store.get(jobA.roomName))?.mediaDeletion).toMatchObject({ state: 'deleting', reason: 'erasure' });
    t.recordingMedia.failAfter = null;
    const rest = await eraseCustomer(t.deps, supervisor, { conversationId: a, dryRun: false });
    expect(rest.counts.mediaFiles).toBe(5);
    for (const job of [jobA, clipJob]) {
      expect(await t.recordingMedia.countMedia(job)).toBe(0);
      expect((await t.pipelineDeps.store.get(job.roomName))?.mediaDeletion?.state).toBe('deleted');
    }
  });
});
