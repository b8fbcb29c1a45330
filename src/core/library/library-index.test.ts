import { openDb } from '../../adapters/local/db';
import { openSqliteStore } from '../../adapters/sql/database';
import type { Escalation } from '../../domain/escalation';
import { logger } from '../../logger';
import type { RecordingLibrary } from '../../ports/recording-library';
import { compositionReady } from '../pipeline/compose/composition-events';
import type { PipelineDeps } from '../pipeline/deps';
import { roomEnded } from '../pipeline/room-ended';
import { RecordingComposer, RecordingTranscriber } from '../pipeline/test-support/fake-engines';
import { MemoryArtifacts, MemoryClips, MemoryConversations, MemoryEscalations, MemoryPipelineStore } from '../pipeline/test-support/in-memory';
import { transcriptReady } from '../pipeline/text/transcript-events';

const escalation: Escalation = {
  id: 'e1',
  conversationId: 'CH1',
  roomName: 'esc-1',
  roomSid: 'RM1',
  agentIdentity: 'alex',
  agentName: 'Alex Agent',
  customerIdentity: 'customer:c1',
  linkId: 'l1',
  linkExpiresAt: '2024-01-02T00:00:00.000Z',
  recording: true,
  status: 'ended',
  createdAt: '2024-01-01T00:00:00.000Z',
};

/** The event-driven pipeline with the real SQLite library (FTS5) fed by it. */
async function setup(library?: (real: RecordingLibrary) => RecordingLibrary, customerName?: unknown) {
  const store = await openSqliteStore(openDb(':memory:'));
  const escalations = new MemoryEscalations();
  await escalations.insert(escalation);
  const conversations = new MemoryConversations();
  conversations.add('CH1', customerName === undefined ? {} : { customerName });
  const transcriber = new RecordingTranscriber();
  transcriber.results.set('REC1-speech-0', [{ start: 0.5, end: 1.5, text: 'hello how can i help', words: [] }]);
  transcriber.results.set('REC1-speech-1', [{ start: 0.2, end: 1.2, text: 'my router is broken', words: [] }]);
  const deps: PipelineDeps = {
    store: new MemoryPipelineStore(),
    composer: new RecordingComposer(),
    transcriber,
    artifacts: new MemoryArtifacts(),
    conversations,
    clock: { now: () => new Date('2024-01-01T00:04:00Z') },
    retry: { maxAttempts: 3, backoffMs: 10 },
    newRecordingId: () => 'REC1',
    library: library ? library(store.library) : store.library,
    recordingOwners: { escalations, clips: new MemoryClips() },
  };
  const run = async () => {
    await roomEnded(deps, { roomName: 'esc-1', roomSid: 'RM1', conversationId: 'CH1', escalationId: 'e1', recording: true, endedAt: '2024-01-01T00:03:12.000Z' });
    for (const i of [0, 1]) {
      await compositionReady(deps, { roomName: 'esc-1', compositionId: `REC1-speech-${i}` });
      await transcriptReady(deps, { roomName: 'esc-1', compositionId: `REC1-speech-${i}`, transcriptId: transcriber.idFor(`REC1-speech-${i}`) });
    }
    return compositionReady(deps, { roomName: 'esc-1', compositionId: 'REC1-video', durationSeconds: 192.2 });
  };
  return { store, deps, run };
}

describe('the pipeline keeps the recordings library', () => {
  it('adds the row when the job starts, keeps its state, and indexes the attached transcript', async () => {
    const t = await setup(undefined, 'Jordan Lee');
    await roomEnded(t.deps, { roomName: 'esc-1', roomSid: 'RM1', conversationId: 'CH1', escalationId: 'e1', recording: true, endedAt: '2024-01-01T00:03:12.000Z' });
    expect(await t.store.library.get('REC1')).toEqual({
      recordingId: 'REC1',
      conversationId: 'CH1',
      kind: 'call',
      agentIdentity: 'alex',
      agentName: 'Alex Agent',
      customerName: 'Jordan Lee',
      endedAt: '2024-01-01T00:03:12.000Z',
      durationSeconds: 0,
      state: 'processing',
      hasTranscript: false,
    });
    expect(await t.store.library.search({ text: 'router', filter: {}, limit: 5 })).toEqual([]);
    expect((await t.run()).state).toBe('attached');
    expect(await t.store.library.get('REC1')).toMatchObject({ state: 'ready', durationSeconds: 192.2, hasTranscript: true });
    const [hit] = await t.store.library.search({ text: 'routers', filter: {}, limit: 5 });
    expect(hit).toMatchObject({ speaker: 'Customer', text: 'my router is broken', start: 2.2, highlights: [[3, 9]] });
  });

  it('names the customer "Customer" when the conversation says nothing usable', async () => {
    const t = await setup(undefined, 42);
    await t.run();
    expect((await t.store.library.get('REC1'))?.customerName).toBe('Customer');
  });

  it('a library that fails never stops the recording reaching its conversation', async () => {
    const broken = (real: RecordingLibrary): RecordingLibrary => ({
      ...real,
      updateProgress: async () => {
        throw new Error('disk full');
      },
      upsert: async () => {
        throw new Error('disk full');
      },
      replaceLines: async () => {
        throw new Error('disk full');
      },
      get: (id) => real.get(id),
      list: (q) => real.list(q),
      search: (q) => real.search(q),
    });
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const t = await setup(broken);
    expect((await t.run()).state).toBe('attached');
    expect(await t.store.library.get('REC1')).toBeNull();
    expect(warn.mock.calls.map((c) => c[1])).toContain('recordings library: could not index the transcript');
    warn.mockRestore();
  });
});
