/**
 * Corrected transcripts in the library store (migration 0019), one contract on both engines:
 * corrections kept with who, when, before and after; the review mark and the conversation's
 * requirement read with the row (list, get, search); repeats are no-ops; re-indexed lines searchable.
 */
import type { SqlEngine, SqlStore } from '../../src/adapters/sql/database';
import type { LibraryRecord, TranscriptCorrection } from '../../src/ports/recording-library';
import { openTwoConnections } from './support/two-connections';

const openEngine = (engine: SqlEngine) => openTwoConnections(engine, 'corrections');

const record = (id: string, conversationId: string, day: number): LibraryRecord => ({
  recordingId: id,
  conversationId,
  kind: 'call',
  agentIdentity: 'alex',
  agentName: 'Alex',
  customerName: 'Jordan',
  endedAt: new Date(Date.UTC(2026, 10, day, 9)).toISOString(),
  durationSeconds: 60,
  state: 'ready',
  hasTranscript: true,
});

const correction = (id: string, at: string): TranscriptCorrection => ({
  id,
  recordingId: 'RE1',
  line: 1,
  start: 12.5,
  before: { speaker: 'Agent', text: 'my rooter is broken' },
  after: { speaker: 'Customer', text: 'my router is broken' },
  by: { identity: 'sue', name: 'Sue', at },
});

describe.each<SqlEngine>(['sqlite', 'postgres'])('corrected transcripts on %s', (engine) => {
  let opened: { store: SqlStore; close(): Promise<void> };
  const library = () => opened.store.library;

  beforeAll(async () => {
    opened = await openEngine(engine);
    await library().upsert(record('RE1', 'CH-A', 1));
    await library().upsert(record('RE2', 'CH-A', 2));
    await library().upsert(record('RE3', 'CH-B', 3));
    await library().replaceLines('RE1', [
      { start: 1, end: 2, speaker: 'Agent', text: 'hello' },
      { start: 12.5, end: 14, speaker: 'Agent', text: 'my rooter is broken' },
    ]);
  }, 120_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('keeps each correction once, oldest first, with who, when, before and after', async () => {
    await library().recordCorrection(correction('c2', '2026-11-21T10:05:00.000Z'));
    await library().recordCorrection(correction('c1', '2026-11-21T10:00:00.000Z'));
    await library().recordCorrection({ ...correction('c1', '2026-11-21T11:00:00.000Z'), after: { speaker: 'Agent', text: 'overwritten?' } });
    const kept = await library().listCorrections('RE1');
    expect(kept.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(kept[0]).toEqual(correction('c1', '2026-11-21T10:00:00.000Z'));
    expect(await library().listCorrections('RE2')).toEqual([]);
  });

  it('re-indexed lines are found by their new words only', async () => {
    await library().replaceLines('RE1', [
      { start: 1, end: 2, speaker: 'Agent', text: 'hello' },
      { start: 12.5, end: 14, speaker: 'Customer', text: 'my router is broken' },
    ]);
    expect((await library().search({ text: 'router', filter: {}, limit: 5 })).map((h) => [h.speaker, h.text])).toEqual([['Customer', 'my router is broken']]);
    expect(await library().search({ text: 'rooter', filter: {}, limit: 5 })).toEqual([]);
  });

  it("a conversation's requirement shows on each of its recordings until lifted; the first stays", async () => {
    await library().setReviewRequired('CH-A', { identity: 'sue', name: 'Sue', at: '2026-11-21T10:00:00.000Z' });
    await library().setReviewRequired('CH-A', { identity: 'max', at: '2026-11-21T11:00:00.000Z' });
    const required = { identity: 'sue', name: 'Sue', at: '2026-11-21T10:00:00.000Z' };
    expect((await library().get('RE1'))?.review).toEqual({ required });
    expect((await library().list({ filter: {}, limit: 10 })).map((r) => [r.recordingId, r.review])).toEqual([
      ['RE3', undefined],
      ['RE2', { required }],
      ['RE1', { required }],
    ]);
    const [hit] = await library().search({ text: 'router', filter: {}, limit: 5 });
    expect(hit.recording.review).toEqual({ required });
    await library().setReviewRequired('CH-A', null);
    expect((await library().get('RE2'))?.review).toBeUndefined();
  });

  it('a recording is marked reviewed once; the pipeline rewriting its row keeps the mark', async () => {
    expect(await library().markReviewed('RE404', { identity: 'alex', at: '2026-11-21T12:00:00.000Z' })).toBe(false);
    expect(await library().markReviewed('RE3', { identity: 'alex', at: '2026-11-21T12:00:00.000Z' })).toBe(true);
    expect(await library().markReviewed('RE3', { identity: 'sue', name: 'Sue', at: '2026-11-21T12:05:00.000Z' })).toBe(true);
    await library().upsert(record('RE3', 'CH-B', 3));
    await library().updateProgress('RE3', { state: 'ready', durationSeconds: 61, hasTranscript: true });
    expect((await library().get('RE3'))?.review).toEqual({ reviewed: { identity: 'alex', at: '2026-11-21T12:00:00.000Z' } });
  });

  it('a transcript removed (erasure, retention) takes its corrections with it', async () => {
    expect((await library().listCorrections('RE1')).length).toBeGreaterThan(0);
    await library().replaceLines('RE1', []);
    expect(await library().listCorrections('RE1')).toEqual([]);
  });
});
