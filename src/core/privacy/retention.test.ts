import { MEDIA_DELETED_TEXT } from '../../domain/privacy';
import type { PipelineJob, PipelineState, RecordingTranscript } from '../../domain/pipeline-job';
import { endCall } from '../end-call';
import { startTake } from '../clips/clip-takes';
import { newAgentClip, offerClip } from '../clips/offer-clip';
import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import { escalate } from '../escalate';
import { recordingMessage } from '../pipeline/text/recording-message';
import { agent, makeTestDeps, otherAgent, supervisor } from '../test-support/local-deps';
import { closeConversation } from './close-conversation';
import { liftLegalHold, setLegalHold } from './legal-hold';
import { sweepRetention } from './retention-sweep';
import { codeOf } from '../test-support/code-of';

type T = Awaited<ReturnType<typeof makeTestDeps>>;
const DAY = 24 * 3600;

const transcript: RecordingTranscript = {
  engine: 'test',
  segments: [{ speaker: 'Customer', role: 'customer', participantIdentity: 'customer:x', start: 1, end: 3, text: 'my router blinks', words: [] }],
};

/** A conversation with one ended call whose job is at `state`, its message posted, 3 media items stored. */
async function recordedCall(t: T, o: { state?: PipelineState; pii?: boolean } = {}) {
  const conversation = await t.conversations.createConversation({ friendlyName: 'Chat', attributes: { customerName: 'Jordan' } });
  const { escalation } = await escalate(t.deps, agent, conversation.id);
  await endCall(t.deps, agent, escalation.id);
  const existing = (await t.pipelineDeps.store.get(escalation.roomName))!;
  const job: PipelineJob = {
    ...existing,
    state: o.state ?? 'attached',
    video: { compositionId: 'CJ1', status: 'ready', durationSeconds: 30 },
    transcript,
    ...(o.pii ? { pii: ['card_number' as const] } : {}),
    version: existing.version + 1,
  };
  if (!(await t.pipelineDeps.store.saveIfUnchanged(job))) throw new Error('job not stored');
  const message = recordingMessage(job, transcript, 30, t.pipelineDeps.artifacts.urls(job.recordingId));
  await t.conversations.postMessage(conversation.id, { author: 'system', ...message });
  t.recordingMedia.seed(job.recordingId);
  await t.pipelineDeps.artifacts.write(job.recordingId, 'transcript.json', JSON.stringify(transcript));
  return { conversationId: conversation.id, job };
}

const recordingMessageOf = async (t: T, conversationId: string) =>
  (await t.conversations.listMessages(conversationId)).find((m) => m.attributes.type === 'video-recording')!;
const jobOf = async (t: T, roomName: string) => (await t.pipelineDeps.store.get(roomName))!;
const later = (t: T, days: number) => new Date(t.deps.clock.now().getTime() + days * DAY * 1000);

describe('closing a conversation', () => {
  it('the first close counts: it starts the clock, is audited once, and says when the media goes', async () => {
    const t = await makeTestDeps();
    const { conversationId } = await recordedCall(t);
    const first = await closeConversation(t.deps, agent, { conversationId });
    expect(first).toEqual({ conversationId, closedAt: '2026-11-21T10:00:00.000Z', source: 'console', onHold: false, mediaDeletesAt: '2027-02-19T10:00:00.000Z' });
    t.advance(3600);
    expect(await closeConversation(t.deps, supervisor, { conversationId, source: 'task_completed' })).toEqual(first);
    const audit = await t.deps.privacy.listAudit({ conversationId });
    expect(audit.map((e) => [e.action, e.actor, e.details])).toEqual([['conversation.closed', 'alex', { source: 'console' }]]);
    expect((await t.conversations.get(conversationId))?.attributes.retention).toEqual({ closedAt: first.closedAt, onHold: false, mediaDeletesAt: first.mediaDeletesAt });
  });

  it('agents close only conversations where they ran a call or sent a clip; supervisors any; unknown ones are 404', async () => {
    const t = await makeTestDeps();
    const { conversationId } = await recordedCall(t);
    expect(await codeOf(closeConversation(t.deps, otherAgent, { conversationId }))).toBe('403 not_your_conversation');
    expect(await t.deps.privacy.getClosure(conversationId)).toBeNull();
    expect(await codeOf(closeConversation(t.deps, supervisor, { conversationId: 'CHnope' }))).toBe('404 conversation_not_found');
    expect(await codeOf(closeConversation(t.deps, supervisor, { conversationId }))).toBe('resolved');
  });

  it('a live call is ended before its conversation closes, and a closed conversation takes no new call or clip', async () => {
    const t = await makeTestDeps();
    const conversation = await t.conversations.createConversation({ friendlyName: 'Chat' });
    const { escalation } = await escalate(t.deps, agent, conversation.id);
    await offerClip(t.deps, agent, conversation.id);
    const [offered] = await t.deps.clips.listByConversation(conversation.id);
    expect(await codeOf(closeConversation(t.deps, agent, { conversationId: conversation.id }))).toBe('409 call_in_progress');
    expect(await t.deps.privacy.getClosure(conversation.id)).toBeNull();
    await endCall(t.deps, agent, escalation.id);
    await closeConversation(t.deps, agent, { conversationId: conversation.id });
    expect(await codeOf(escalate(t.deps, agent, conversation.id))).toBe('409 conversation_closed');
    expect(await codeOf(offerClip(t.deps, agent, conversation.id))).toBe('409 conversation_closed');
    expect(await codeOf(newAgentClip(t.deps, agent, conversation.id))).toBe('409 conversation_closed');
    // A clip link sent before the close records nothing after it.
    expect(await codeOf(startTake(t.deps, offered, { consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version, mode: 'camera' }))).toBe('409 conversation_closed');
    expect(await t.deps.escalations.listByConversation(conversation.id)).toHaveLength(1);
  });
});

describe('legal hold', () => {
  it('is for supervisors, needs a trimmed reason, and both set and lift are audited with it', async () => {
    const t = await makeTestDeps();
    const { conversationId } = await recordedCall(t);
    expect(await codeOf(setLegalHold(t.deps, agent, { conversationId, reason: 'x' }))).toBe('403 supervisor_required');
    expect(await codeOf(setLegalHold(t.deps, supervisor, { conversationId, reason: '   ' }))).toBe('400 reason_required');
    const { hold } = await setLegalHold(t.deps, supervisor, { conversationId, reason: '  case 42  ' });
    expect(hold).toEqual({ conversationId, reason: 'case 42', setBy: 'sue', setByName: 'Sue', setAt: '2026-11-21T10:00:00.000Z' });
    expect(await codeOf(liftLegalHold(t.deps, agent, { conversationId }))).toBe('403 supervisor_required');
    expect(await liftLegalHold(t.deps, supervisor, { conversationId })).toEqual({ conversationId, hold: null });
    // Lifting again lifts nothing and audits nothing.
    await liftLegalHold(t.deps, supervisor, { conversationId });
    const audit = await t.deps.privacy.listAudit({ conversationId });
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ['legal_hold.lifted', { reason: 'case 42' }],
      ['legal_hold.set', { reason: 'case 42' }],
    ]);
  });
});

describe('the retention sweep', () => {
  it('deletes nothing before the days are up, then deletes the media, marks it, updates the card and audits; the transcript stays', async () => {
    const t = await makeTestDeps({ RETENTION_MEDIA_DAYS: '90' });
    const { conversationId, job } = await recordedCall(t);
    await closeConversation(t.deps, agent, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 89))).toMatchObject({ conversations: 1, mediaDeleted: 0 });
    expect(await t.recordingMedia.countMedia(job)).toBe(3);

    const at = later(t, 90);
    t.advance(90 * DAY);
    expect(await sweepRetention(t.deps, at)).toMatchObject({ conversations: 1, mediaDeleted: 1, mediaItems: 3, failed: 0 });
    expect(await t.recordingMedia.countMedia(job)).toBe(0);
    expect((await jobOf(t, job.roomName)).mediaDeletion).toEqual({ state: 'deleted', reason: 'retention', startedAt: at.toISOString(), deletedAt: at.toISOString() });
    const message = await recordingMessageOf(t, conversationId);
    expect(message.attributes).toMatchObject({ videoStatus: 'deleted', mediaDeleted: { reason: 'retention', deletedAt: at.toISOString() }, transcriptStatus: 'ready' });
    expect(message.attributes.mediaUrl).toBeUndefined();
    expect(message.body).toContain(MEDIA_DELETED_TEXT);
    expect(message.body).toContain('my router blinks');
    expect(await t.pipelineDeps.artifacts.read(job.recordingId, 'transcript.json')).not.toBeNull();
    // A finished recording has no entry left in the conversation's attributes (they stay bounded).
    expect((await t.conversations.get(conversationId))?.attributes.videoRecordings).toEqual({});
    const audit = await t.deps.privacy.listAudit({ conversationId });
    expect(audit[0]).toMatchObject({ action: 'retention.media_deleted', actor: 'system:retention', subject: job.recordingId, details: { reason: 'retention', mediaItems: 3 } });
    // Again: nothing left to do, nothing audited twice.
    expect(await sweepRetention(t.deps, later(t, 1))).toMatchObject({ mediaDeleted: 0, failed: 0 });
    expect((await t.deps.privacy.listAudit({ conversationId })).length).toBe(audit.length);
  });

  it('keeps every file of a conversation on legal hold, and deletes them once the hold is lifted', async () => {
    const t = await makeTestDeps();
    const { conversationId, job } = await recordedCall(t);
    await closeConversation(t.deps, agent, { conversationId });
    await setLegalHold(t.deps, supervisor, { conversationId, reason: 'litigation' });
    expect(await sweepRetention(t.deps, later(t, 400))).toMatchObject({ held: 1, mediaDeleted: 0 });
    expect(await t.recordingMedia.countMedia(job)).toBe(3);
    await liftLegalHold(t.deps, supervisor, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 400))).toMatchObject({ held: 0, mediaDeleted: 1 });
  });

  it('deletes a recording with PII at close when DELETE_PII_MEDIA_AT_CLOSE, and not others; not when the setting is off', async () => {
    const t = await makeTestDeps();
    const pii = await recordedCall(t, { pii: true });
    const clean = await recordedCall(t);
    for (const c of [pii, clean]) await closeConversation(t.deps, agent, { conversationId: c.conversationId });
    expect(await sweepRetention(t.deps, t.deps.clock.now())).toMatchObject({ conversations: 2, mediaDeleted: 1 });
    expect((await jobOf(t, pii.job.roomName)).mediaDeletion).toMatchObject({ state: 'deleted', reason: 'pii' });
    expect(await t.recordingMedia.countMedia(clean.job)).toBe(3);

    const off = await makeTestDeps({ DELETE_PII_MEDIA_AT_CLOSE: 'false' });
    const kept = await recordedCall(off, { pii: true });
    await closeConversation(off.deps, agent, { conversationId: kept.conversationId });
    expect(await sweepRetention(off.deps, off.deps.clock.now())).toMatchObject({ mediaDeleted: 0 });
    expect(await off.recordingMedia.countMedia(kept.job)).toBe(3);
  });

  it('leaves a recording the pipeline has not finished for the next sweep', async () => {
    const t = await makeTestDeps();
    const { conversationId, job } = await recordedCall(t, { state: 'processing' });
    await closeConversation(t.deps, agent, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 100))).toMatchObject({ notFinished: 1, mediaDeleted: 0 });
    expect((await jobOf(t, job.roomName)).mediaDeletion).toBeUndefined();
    const current = await jobOf(t, job.roomName);
    await t.pipelineDeps.store.saveIfUnchanged({ ...current, state: 'attached', version: current.version + 1 });
    expect(await sweepRetention(t.deps, later(t, 100))).toMatchObject({ notFinished: 0, mediaDeleted: 1 });
  });

  it('a deleter that throws halfway leaves the intent on record; the next sweep resumes it first and finishes', async () => {
    const t = await makeTestDeps();
    const a = await recordedCall(t);
    const b = await recordedCall(t);
    for (const c of [a, b]) await closeConversation(t.deps, agent, { conversationId: c.conversationId });
    t.recordingMedia.failAfter = 1;
    const first = await sweepRetention(t.deps, later(t, 100));
    expect(first).toMatchObject({ mediaDeleted: 0, failed: 2 });
    for (const c of [a, b]) {
      expect((await jobOf(t, c.job.roomName)).mediaDeletion?.state).toBe('deleting');
      expect(await t.recordingMedia.countMedia(c.job)).toBe(2);
    }
    // Never marked with media left: the message still has its player.
    expect((await recordingMessageOf(t, a.conversationId)).attributes.mediaUrl).toBeDefined();

    t.recordingMedia.failAfter = null;
    t.recordingMedia.deleteCalls = [];
    const second = await sweepRetention(t.deps, later(t, 101));
    expect(second).toMatchObject({ mediaDeleted: 2, resumed: 2, mediaItems: 4, failed: 0 });
    for (const c of [a, b]) {
      expect((await jobOf(t, c.job.roomName)).mediaDeletion).toMatchObject({ state: 'deleted', startedAt: later(t, 100).toISOString() });
      expect(await t.recordingMedia.countMedia(c.job)).toBe(0);
    }
  });

  it('finishes a deletion left at `deleting` before any new one, even when its conversation is not due yet', async () => {
    const t = await makeTestDeps();
    const due = await recordedCall(t);
    const resumed = await recordedCall(t);
    await closeConversation(t.deps, agent, { conversationId: due.conversationId });
    t.advance(50 * DAY);
    await closeConversation(t.deps, agent, { conversationId: resumed.conversationId });
    const j = await jobOf(t, resumed.job.roomName);
    await t.pipelineDeps.store.saveIfUnchanged({ ...j, mediaDeletion: { state: 'deleting', reason: 'pii', startedAt: j.updatedAt }, version: j.version + 1 });
    const report = await sweepRetention(t.deps, later(t, 45));
    expect(report).toMatchObject({ mediaDeleted: 2, resumed: 1 });
    expect(t.recordingMedia.deleteCalls).toEqual([resumed.job.recordingId, due.job.recordingId]);
    expect((await jobOf(t, resumed.job.roomName)).mediaDeletion).toMatchObject({ state: 'deleted', reason: 'pii' });
  });

  it('RETENTION_TRANSCRIPT_DAYS deletes the transcript, captions, index lines and message text once due', async () => {
    const t = await makeTestDeps({ RETENTION_MEDIA_DAYS: '30', RETENTION_TRANSCRIPT_DAYS: '365' });
    t.pipelineDeps.library = t.store.library;
    const { conversationId, job } = await recordedCall(t);
    await t.store.library.upsert({ recordingId: job.recordingId, conversationId, kind: 'call', agentIdentity: 'alex', agentName: 'Alex', customerName: 'Jordan', endedAt: job.endedAt, durationSeconds: 30, state: 'ready', hasTranscript: true });
    await t.store.library.replaceLines(job.recordingId, [{ start: 1, end: 3, speaker: 'Customer', text: 'my router blinks' }]);
    const search = () => t.store.library.search({ text: 'router', filter: {}, limit: 5 });
    expect(await search()).toHaveLength(1);
    await closeConversation(t.deps, agent, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 31))).toMatchObject({ mediaDeleted: 1, transcriptsDeleted: 0 });
    expect(await sweepRetention(t.deps, later(t, 365))).toMatchObject({ mediaDeleted: 0, transcriptsDeleted: 1 });
    const stored = await jobOf(t, job.roomName);
    expect(stored.transcript).toBeUndefined();
    expect(stored.transcriptDeletedAt).toBe(later(t, 365).toISOString());
    expect(await t.pipelineDeps.artifacts.read(job.recordingId, 'transcript.json')).toBeNull();
    expect(await search()).toEqual([]);
    expect(await t.store.library.get(job.recordingId)).toMatchObject({ hasTranscript: false, mediaDeleted: { reason: 'retention' } });
    const message = await recordingMessageOf(t, conversationId);
    expect(message.attributes).toMatchObject({ transcriptStatus: 'deleted', videoStatus: 'deleted' });
    expect(message.attributes.transcript).toBeUndefined();
    expect(message.body).not.toContain('my router blinks');
    expect(await sweepRetention(t.deps, later(t, 366))).toMatchObject({ transcriptsDeleted: 0 });
  });

  it('paces recordings apart when asked, and sweeps only one conversation when asked', async () => {
    const t = await makeTestDeps();
    const a = await recordedCall(t, { pii: true });
    const b = await recordedCall(t, { pii: true });
    for (const c of [a, b]) await closeConversation(t.deps, agent, { conversationId: c.conversationId });
    expect(await sweepRetention(t.deps, t.deps.clock.now(), { conversationId: b.conversationId })).toMatchObject({ conversations: 1, mediaDeleted: 1 });
    expect(await t.recordingMedia.countMedia(a.job)).toBe(3);
    const c = await recordedCall(t, { pii: true });
    await closeConversation(t.deps, agent, { conversationId: c.conversationId });
    const pauses: number[] = [];
    await sweepRetention(t.deps, t.deps.clock.now(), { paceMs: 250, sleep: async (ms) => void pauses.push(ms) });
    expect(pauses).toEqual([250]);
  });

  it('a time budget stops it between recordings and says more is left; the next call finishes the rest', async () => {
    const t = await makeTestDeps();
    const calls = [await recordedCall(t, { pii: true }), await recordedCall(t, { pii: true }), await recordedCall(t, { pii: true })];
    for (const c of calls) await closeConversation(t.deps, supervisor, { conversationId: c.conversationId });
    let clock = 0;
    // Each recording "takes" 4 s: with a 7 s budget, two start, the third waits.
    const elapsedMs = () => clock;
    const deleteMedia = t.recordingMedia.deleteMedia.bind(t.recordingMedia);
    t.recordingMedia.deleteMedia = async (job) => {
      clock += 4000;
      return deleteMedia(job);
    };
    const first = await sweepRetention(t.deps, t.deps.clock.now(), { budgetMs: 7000, elapsedMs });
    expect(first).toMatchObject({ mediaDeleted: 2, more: true, failed: 0 });
    const left = await Promise.all(calls.map((c) => t.recordingMedia.countMedia(c.job)));
    expect(left.filter((n) => n > 0)).toHaveLength(1);
    clock = 0;
    const second = await sweepRetention(t.deps, t.deps.clock.now(), { budgetMs: 7000, elapsedMs });
    expect(second).toMatchObject({ mediaDeleted: 1 });
    expect(second.more).toBeUndefined();
    expect(await Promise.all(calls.map((c) => t.recordingMedia.countMedia(c.job)))).toEqual([0, 0, 0]);
  });
});

describe('settled closures', () => {
  /** How many closures the sweep listed: what a settled closure saves every later sweep. */
  const listed = (t: T) => {
    const spy = jest.spyOn(t.deps.privacy, 'listUnsettled');
    return async () => (await Promise.all(spy.mock.results.map((r) => r.value as Promise<unknown[]>))).flat().length;
  };

  it('a closure is settled once its media is deleted, is not listed again, and reopening lists it again', async () => {
    const t = await makeTestDeps({ RETENTION_MEDIA_DAYS: '90' });
    const { conversationId, job } = await recordedCall(t);
    await closeConversation(t.deps, agent, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 89))).toMatchObject({ conversations: 1, settled: 0 });
    expect(await sweepRetention(t.deps, later(t, 90))).toMatchObject({ conversations: 1, mediaDeleted: 1, settled: 1 });
    const count = listed(t);
    t.recordingMedia.deleteCalls = [];
    expect(await sweepRetention(t.deps, later(t, 91))).toMatchObject({ conversations: 0, settled: 0 });
    expect(await count()).toBe(0);
    // A hold set after settling has nothing left to keep: the media is already gone.
    await setLegalHold(t.deps, supervisor, { conversationId, reason: 'late case' });
    expect(await sweepRetention(t.deps, later(t, 92))).toMatchObject({ conversations: 0, held: 0 });
    expect(t.recordingMedia.deleteCalls).toEqual([]);
    // The operator changed the policy (`retention:sweep --revisit-all`): listed again, held now.
    expect(await t.deps.privacy.reopenSettled()).toBe(1);
    expect(await sweepRetention(t.deps, later(t, 93))).toMatchObject({ conversations: 1, held: 1, settled: 0 });
    await liftLegalHold(t.deps, supervisor, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 94))).toMatchObject({ conversations: 1, mediaDeleted: 0, settled: 1 });
    expect((await jobOf(t, job.roomName)).mediaDeletion?.state).toBe('deleted');
  });

  it('a closed conversation without recordings settles at once; one with a recording not due yet does not', async () => {
    const t = await makeTestDeps();
    const empty = await t.conversations.createConversation({ friendlyName: 'Chat only' });
    await closeConversation(t.deps, supervisor, { conversationId: empty.id });
    const { conversationId } = await recordedCall(t);
    await closeConversation(t.deps, agent, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 1))).toMatchObject({ conversations: 2, settled: 1 });
    expect((await t.deps.privacy.listUnsettled(later(t, 1).toISOString(), 10)).map((c) => c.conversationId)).toEqual([conversationId]);
  });

  it('stays unsettled while held, while the pipeline is not finished, and while a deletion failed halfway', async () => {
    const t = await makeTestDeps();
    const held = await recordedCall(t, { pii: true });
    const busy = await recordedCall(t, { state: 'processing', pii: true });
    const failing = await recordedCall(t, { pii: true });
    for (const c of [held, busy, failing]) await closeConversation(t.deps, agent, { conversationId: c.conversationId });
    await setLegalHold(t.deps, supervisor, { conversationId: held.conversationId, reason: 'case 7' });
    t.recordingMedia.failAfter = 1;
    expect(await sweepRetention(t.deps, later(t, 1))).toMatchObject({ conversations: 3, held: 1, notFinished: 1, failed: 1, settled: 0 });
    expect((await jobOf(t, failing.job.roomName)).mediaDeletion?.state).toBe('deleting');
    expect(await sweepRetention(t.deps, later(t, 2))).toMatchObject({ conversations: 3, settled: 0 });

    t.recordingMedia.failAfter = null;
    const current = await jobOf(t, busy.job.roomName);
    await t.pipelineDeps.store.saveIfUnchanged({ ...current, state: 'attached', version: current.version + 1 });
    expect(await sweepRetention(t.deps, later(t, 3))).toMatchObject({ conversations: 3, held: 1, mediaDeleted: 2, resumed: 1, settled: 2 });
    expect((await t.deps.privacy.listUnsettled(later(t, 3).toISOString(), 10)).map((c) => c.conversationId)).toEqual([held.conversationId]);
  });

  it('with RETENTION_TRANSCRIPT_DAYS, stays unsettled after the media goes until the transcript goes too', async () => {
    const t = await makeTestDeps({ RETENTION_MEDIA_DAYS: '30', RETENTION_TRANSCRIPT_DAYS: '365' });
    const { conversationId } = await recordedCall(t);
    await closeConversation(t.deps, agent, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 31))).toMatchObject({ mediaDeleted: 1, settled: 0 });
    expect(await sweepRetention(t.deps, later(t, 100))).toMatchObject({ conversations: 1, settled: 0 });
    expect(await sweepRetention(t.deps, later(t, 365))).toMatchObject({ transcriptsDeleted: 1, settled: 1 });
    expect(await sweepRetention(t.deps, later(t, 366))).toMatchObject({ conversations: 0 });
  });

  it('a clip link sent before the close keeps the closure open until the link expires', async () => {
    const t = await makeTestDeps({ LINK_TTL_SECONDS: String(2 * DAY) });
    const { conversationId } = await recordedCall(t, { pii: true });
    await offerClip(t.deps, agent, conversationId);
    await closeConversation(t.deps, agent, { conversationId });
    expect(await sweepRetention(t.deps, later(t, 1))).toMatchObject({ mediaDeleted: 1, settled: 0 });
    expect(await sweepRetention(t.deps, later(t, 3))).toMatchObject({ conversations: 1, settled: 1 });
  });
});
