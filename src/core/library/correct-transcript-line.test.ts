import type { PipelineJob, RecordingTranscript } from '../../domain/pipeline-job';
import { DomainError } from '../../domain/errors';
import { buildWebVtt } from '../pipeline/text/captions';
import { recordingMessage, transcriptDocument } from '../pipeline/text/recording-message';
import { agent, makeTestDeps, otherAgent, supervisor } from '../test-support/local-deps';
import { correctTranscriptLine } from './correct-transcript-line';
import { markRecordingReviewed, requireReview } from './review-recording';

const transcript: RecordingTranscript = {
  engine: 'test',
  segments: [
    { speaker: 'Agent', role: 'agent', participantIdentity: 'alex', start: 1, end: 3, text: 'hello how can i help', words: [] },
    {
      speaker: 'Agent',
      role: 'agent',
      participantIdentity: 'alex',
      start: 12,
      end: 14,
      text: 'my rooter is broken',
      words: [
        { word: 'my', start: 12, end: 12.4 },
        { word: 'rooter', start: 12.4, end: 13 },
        { word: 'is', start: 13, end: 13.4 },
        { word: 'broken', start: 13.4, end: 14 },
      ],
    },
  ],
};

/** A recording attached by the pipeline: the job, its files, its library row and lines, its message. */
async function setup() {
  const t = await makeTestDeps();
  t.deps.pipeline.library = t.store.library;
  const conv = await t.conversations.createConversation({ friendlyName: 'Router' });
  const job: PipelineJob = {
    roomName: 'esc-1',
    roomSid: 'RM1',
    conversationId: conv.id,
    escalationId: 'e1',
    recordingId: 'REC1',
    recording: true,
    endedAt: '2026-11-21T09:00:00.000Z',
    state: 'attached',
    video: { compositionId: 'C1', status: 'ready', durationSeconds: 20 },
    transcript,
    version: 1,
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
  };
  await t.deps.pipeline.store.insertIfAbsent(job);
  await t.store.library.upsert({
    recordingId: 'REC1',
    conversationId: conv.id,
    kind: 'call',
    agentIdentity: 'alex',
    agentName: 'Alex',
    customerName: 'Jordan',
    endedAt: job.endedAt,
    durationSeconds: 20,
    state: 'ready',
    hasTranscript: true,
  });
  await t.store.library.replaceLines('REC1', transcript.segments);
  await t.deps.pipeline.artifacts.write('REC1', 'transcript.json', transcriptDocument(job, transcript, 20));
  await t.deps.pipeline.artifacts.write('REC1', 'captions.vtt', buildWebVtt(transcript));
  await t.conversations.postMessage(conv.id, { author: 'system', ...recordingMessage(job, transcript, 20, t.deps.pipeline.artifacts.urls('REC1')) });
  const seen = { start: 12, speaker: 'Agent', text: 'my rooter is broken' };
  const find = async (text: string) => (await t.store.library.search({ text, filter: {}, limit: 5 })).map((h) => h.text);
  const message = async () => (await t.conversations.listMessages(conv.id))[0];
  return { t, conv, seen, find, message };
}

const code = (e: unknown) => (e instanceof DomainError ? `${e.status} ${e.code}` : String(e));

describe('correcting a transcript line', () => {
  it('changes the text and the speaker, and the files, the search and the message follow', async () => {
    const { t, seen, find, message } = await setup();
    const answer = await correctTranscriptLine(t.deps, agent, { recordingId: 'REC1', line: 1, expected: seen, text: 'my router is broken', speaker: 'Customer' });
    expect(answer).toEqual({ line: { line: 1, start: 12, end: 14, speaker: 'Customer', role: 'customer', text: 'my router is broken' }, changed: true, redacted: false });

    const doc = JSON.parse((await t.deps.pipeline.artifacts.read('REC1', 'transcript.json')) ?? '{}');
    // Same number of words: the recogniser's timings stay.
    expect(doc.segments[1]).toMatchObject({ speaker: 'Customer', text: 'my router is broken', words: [{}, { word: 'router', start: 12.4, end: 13 }, {}, {}] });
    const vtt = (await t.deps.pipeline.artifacts.read('REC1', 'captions.vtt')) ?? '';
    expect(vtt).toContain('<v Customer>my router is broken');
    expect(vtt).not.toContain('rooter');

    expect(await find('router')).toEqual(['my router is broken']);
    expect(await find('rooter')).toEqual([]);

    const m = await message();
    expect(m.body).toContain('[0:12] Customer: my router is broken');
    expect(m.body).not.toContain('rooter');
    expect(m.attributes.transcriptCorrectedAt).toBe('2026-11-21T10:00:00.000Z');

    const [correction] = await t.store.library.listCorrections('REC1');
    expect(correction).toMatchObject({
      line: 1,
      before: { speaker: 'Agent', text: 'my rooter is broken' },
      after: { speaker: 'Customer', text: 'my router is broken' },
      by: { identity: 'alex', name: 'Alex' },
    });
    const [audit] = await t.store.privacy.listAudit({});
    expect(audit).toMatchObject({ action: 'transcript.corrected', actor: 'alex', subject: 'REC1', details: { line: 1, changed: 'text,speaker' } });
    // The audit log holds ids, never transcript text.
    expect(JSON.stringify(audit)).not.toContain('router');
  });

  it('redacts the new text like every transcript, in the files, the index and the kept record', async () => {
    const { t, seen, find } = await setup();
    const answer = await correctTranscriptLine(t.deps, supervisor, {
      recordingId: 'REC1',
      line: 1,
      expected: seen,
      text: 'my card is 4111 1111 1111 1111 ok',
      speaker: 'Agent',
    });
    expect(answer.redacted).toBe(true);
    expect(answer.line.text).toBe('my card is [card number] ok');
    expect(await t.deps.pipeline.artifacts.read('REC1', 'transcript.json')).not.toContain('4111');
    expect(await find('card')).toEqual(['my card is [card number] ok']);
    expect(JSON.stringify(await t.store.library.listCorrections('REC1'))).not.toContain('4111');
    expect((await t.store.library.get('REC1'))?.pii).toBe(true);
  });

  it('saving the same correction twice records it once', async () => {
    const { t, seen } = await setup();
    const request = { recordingId: 'REC1', line: 1, expected: seen, text: 'my router is broken', speaker: 'Agent' };
    expect((await correctTranscriptLine(t.deps, agent, request)).changed).toBe(true);
    expect((await correctTranscriptLine(t.deps, agent, request)).changed).toBe(false);
    expect(await t.store.library.listCorrections('REC1')).toHaveLength(1);
    expect(await t.store.privacy.listAudit({})).toHaveLength(1);
  });

  it('refuses a stale edit with 409: the second of two editors who saw the same line', async () => {
    const { t, seen } = await setup();
    await correctTranscriptLine(t.deps, agent, { recordingId: 'REC1', line: 1, expected: seen, text: 'my router is broken', speaker: 'Agent' });
    const late = correctTranscriptLine(t.deps, supervisor, { recordingId: 'REC1', line: 1, expected: seen, text: 'my rooter was broken', speaker: 'Agent' });
    await expect(late.catch(code)).resolves.toBe('409 line_changed');
    expect(JSON.parse((await t.deps.pipeline.artifacts.read('REC1', 'transcript.json')) ?? '{}').segments[1].text).toBe('my router is broken');
  });

  it('two editors at once: exactly one wins, the other is told', async () => {
    const { t, seen } = await setup();
    const results = await Promise.allSettled([
      correctTranscriptLine(t.deps, agent, { recordingId: 'REC1', line: 1, expected: seen, text: 'my router is broken', speaker: 'Agent' }),
      correctTranscriptLine(t.deps, supervisor, { recordingId: 'REC1', line: 1, expected: seen, text: 'the router is broken', speaker: 'Agent' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => code((r as PromiseRejectedResult).reason))).toEqual(['409 line_changed']);
    expect(await t.store.library.listCorrections('REC1')).toHaveLength(1);
  });

  it('only staff who may open the recording correct it; bad lines, speakers and texts are 4xx', async () => {
    const { t, seen } = await setup();
    const base = { recordingId: 'REC1', line: 1, expected: seen, text: 'fixed', speaker: 'Agent' };
    await expect(correctTranscriptLine(t.deps, otherAgent, base).catch(code)).resolves.toBe('403 not_allowed');
    await expect(correctTranscriptLine(t.deps, agent, { ...base, recordingId: 'NOPE' }).catch(code)).resolves.toBe('404 recording_not_found');
    await expect(correctTranscriptLine(t.deps, agent, { ...base, line: 7 }).catch(code)).resolves.toBe('404 line_not_found');
    await expect(correctTranscriptLine(t.deps, agent, { ...base, speaker: 'Somebody' }).catch(code)).resolves.toBe('400 invalid_request');
    await expect(correctTranscriptLine(t.deps, agent, { ...base, text: ' \n ' }).catch(code)).resolves.toBe('400 invalid_request');
    expect(await t.store.library.listCorrections('REC1')).toEqual([]);
  });
});

describe('reviewing recordings', () => {
  it('a supervisor requires review of the conversation; someone marks it reviewed, once', async () => {
    const { t } = await setup();
    await expect(requireReview(t.deps, agent, 'REC1', true).catch(code)).resolves.toBe('403 supervisor_required');
    const required = await requireReview(t.deps, supervisor, 'REC1', true);
    expect(required.review).toEqual({ required: { identity: 'sue', name: 'Sue', at: '2026-11-21T10:00:00.000Z' } });
    t.advance(60);
    const reviewed = await markRecordingReviewed(t.deps, agent, 'REC1');
    expect(reviewed.review.reviewed).toEqual({ identity: 'alex', name: 'Alex', at: '2026-11-21T10:01:00.000Z' });
    t.advance(60);
    expect((await markRecordingReviewed(t.deps, supervisor, 'REC1')).review.reviewed?.identity).toBe('alex');
    await expect(markRecordingReviewed(t.deps, otherAgent, 'REC1').catch(code)).resolves.toBe('403 not_allowed');
    expect((await t.store.privacy.listAudit({})).map((a) => a.action)).toEqual(['recording.reviewed', 'review.required']);
    expect((await requireReview(t.deps, supervisor, 'REC1', false)).review.required).toBeUndefined();
  });
});
