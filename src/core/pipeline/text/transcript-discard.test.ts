import { logger } from '../../../logger';
import type { PipelineJob } from '../../../domain/pipeline-job';
import type { Transcriber } from '../../../ports/transcriber';
import { compositionReady } from '../compose/composition-events';
import type { PipelineDeps } from '../deps';
import { roomEnded } from '../room-ended';
import { RecordingComposer, RecordingTranscriber } from '../test-support/fake-engines';
import { MemoryArtifacts, MemoryConversations, MemoryPipelineStore } from '../test-support/in-memory';
import { transcriptFailed, transcriptReady } from './transcript-events';

/**
 * The engine's own (unredacted) copy of a transcript is let go only once nothing needs it: after
 * the redacted segments are saved on the job, never before, and never when that save failed.
 */
const CARD = 'my card is 4111 1111 1111 1111';

async function setup() {
  const store = new MemoryPipelineStore();
  const conversations = new MemoryConversations();
  conversations.add('CH1', {});
  const transcriber = new RecordingTranscriber();
  transcriber.results.set('REC1-speech-0', [{ start: 0.5, end: 1.5, text: 'how can i help', words: [] }]);
  transcriber.results.set('REC1-speech-1', [{ start: 2, end: 4, text: CARD, words: [] }]);
  /** What happened, in order: engine reads, the job's saves of a speaker's transcript, discards. */
  const log: string[] = [];
  const result = transcriber.result.bind(transcriber);
  transcriber.result = (id) => {
    log.push(`read ${id}`);
    return result(id);
  };
  const discard = transcriber.discard.bind(transcriber);
  transcriber.discard = (id) => {
    log.push(`discard ${id}`);
    return discard(id);
  };
  const savedIds = new Set<string>();
  const deps: PipelineDeps = {
    store,
    composer: new RecordingComposer(),
    transcriber,
    artifacts: new MemoryArtifacts(),
    conversations,
    clock: { now: () => new Date('2024-01-01T00:04:00Z') },
    retry: { maxAttempts: 3, backoffMs: 10 },
    newRecordingId: () => 'REC1',
    onPersisted: (j) => {
      for (const s of j.speakers ?? []) {
        if (s.transcriptStatus === 'ready' && s.transcriptId && !savedIds.has(s.transcriptId)) {
          savedIds.add(s.transcriptId);
          log.push(`saved ${s.transcriptId}`);
        }
      }
    },
  };
  await roomEnded(deps, { roomName: 'esc-1', roomSid: 'RM1', conversationId: 'CH1', escalationId: 'e1', recording: true, endedAt: '2024-01-01T00:03:00Z' });
  await compositionReady(deps, { roomName: 'esc-1', compositionId: 'REC1-speech-0' });
  await compositionReady(deps, { roomName: 'esc-1', compositionId: 'REC1-speech-1' });
  const job = async () => (await store.get('esc-1')) as PipelineJob;
  const event = (i: number, transcriptId = transcriber.idFor(`REC1-speech-${i}`)) => ({ roomName: 'esc-1', compositionId: `REC1-speech-${i}`, transcriptId });
  const transcript = (i: number) => transcriptReady(deps, event(i));
  const video = () => compositionReady(deps, { roomName: 'esc-1', compositionId: 'REC1-video', durationSeconds: 30 });
  return { store, transcriber, deps, log, job, event, transcript, video, conversations };
}

afterEach(() => jest.restoreAllMocks());

describe("the transcription engine's own copy", () => {
  it('is discarded once per transcript, after its redacted segments are saved on the job', async () => {
    const t = await setup();
    let heldAtDiscard: unknown;
    const discard = t.transcriber.discard;
    t.transcriber.discard = async (id) => {
      heldAtDiscard ??= (await t.job()).speakers?.find((s) => s.transcriptId === id);
      return discard(id);
    };
    await t.transcript(1);
    await t.transcript(0);
    await t.video();

    expect(t.log).toEqual(['read GT2', 'saved GT2', 'discard GT2', 'read GT1', 'saved GT1', 'discard GT1']);
    expect(t.transcriber.discards).toEqual(['GT2', 'GT1']);
    // What the store already held when the engine was told to drop its copy: the redacted text.
    expect(heldAtDiscard).toMatchObject({ transcriptStatus: 'ready', segments: [{ text: 'my card is [card number]' }] });
    expect((await t.job()).state).toBe('attached');
  });

  it('is kept when the save fails, so the retried report reads it again, and discarded after that save', async () => {
    const t = await setup();
    const save = t.store.saveIfUnchanged.bind(t.store);
    let down = true;
    t.store.saveIfUnchanged = async (j) => {
      if (down) throw new Error('database unavailable');
      return save(j);
    };
    await expect(t.transcript(0)).rejects.toThrow('database unavailable');
    expect(t.transcriber.discards).toEqual([]);
    expect((await t.job()).speakers?.[0]).toMatchObject({ transcriptId: 'GT1', transcriptStatus: 'pending' });

    down = false;
    await t.transcript(0);
    expect(t.log).toEqual(['read GT1', 'read GT1', 'saved GT1', 'discard GT1']);
  });

  it('is discarded by a repeated report when the first one died between the save and the discard', async () => {
    const t = await setup();
    const persisted = t.deps.onPersisted!;
    t.deps.onPersisted = async (j) => {
      await persisted(j);
      if (j.speakers?.[0].transcriptStatus === 'ready') throw new Error('process killed');
    };
    await expect(t.transcript(0)).rejects.toThrow('process killed');
    expect(t.transcriber.discards).toEqual([]);
    t.deps.onPersisted = persisted;
    const saved = await t.job();

    // The same report again (Twilio retries a failed webhook): nothing is read or written; the copy goes.
    expect(await t.transcript(0)).toEqual(saved);
    expect(t.log).toEqual(['read GT1', 'saved GT1', 'discard GT1']);
    // And again, e.g. after the job is attached: harmless, the engine treats "already gone" as done.
    await t.transcript(1);
    await t.video();
    await t.transcript(0);
    expect(t.transcriber.discards).toEqual(['GT1', 'GT2', 'GT1']);
    expect((await t.job()).state).toBe('attached');
  });

  it('that cannot be discarded is logged with its id, and the recording still reaches the chat with its transcript', async () => {
    const t = await setup();
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    t.transcriber.failDiscard = new Error('HTTP 500');
    await t.transcript(0);
    await t.transcript(1);
    await t.video();

    expect(t.transcriber.discards).toEqual(['GT1', 'GT2']);
    expect(warn.mock.calls.map(([fields]) => (fields as unknown as { transcriptId: string }).transcriptId)).toEqual(['GT1', 'GT2']);
    const job = await t.job();
    expect(job.state).toBe('attached');
    expect(job.transcript?.segments.map((s) => s.text)).toEqual(['how can i help', 'my card is [card number]']);
    expect(t.conversations.messages).toHaveLength(1);
  });

  it('of a failed attempt is discarded once the failure is recorded; a stale report of it discards nothing more', async () => {
    const t = await setup();
    await transcriptFailed(t.deps, { ...t.event(0), reason: 'engine failed' });
    expect(t.transcriber.discards).toEqual(['GT1']);
    expect(t.transcriber.idFor('REC1-speech-0')).toBe('GT3'); // asked again

    // A late "ready" for the abandoned transcript: not awaited, not held; nothing read or discarded.
    await transcriptReady(t.deps, t.event(0, 'GT1'));
    expect(t.log).toEqual(['discard GT1']);
    await t.transcript(0);
    expect(t.log).toEqual(['discard GT1', 'read GT3', 'saved GT3', 'discard GT3']);
  });

  it('is left alone by engines that keep none (no discard: local engines)', async () => {
    const t = await setup();
    (t.transcriber as Transcriber).discard = undefined;
    await t.transcript(0);
    await t.transcript(1);
    await t.video();
    expect((await t.job()).state).toBe('attached');
    expect(t.log).toEqual(['read GT1', 'saved GT1', 'read GT2', 'saved GT2']);
  });
});
