/**
 * The recordings library store (migration 0011), one contract on both engines: embedded SQLite
 * (FTS5) and a private PostgreSQL cluster (tsvector + GIN) started for this run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/adapters/local/db';
import { openPostgresStore, openSqliteStore, type SqlEngine, type SqlStore } from '../../src/adapters/sql/database';
import type { LibraryRecord, RecordingLibrary } from '../../src/ports/recording-library';
import type { Clip } from '../../src/domain/clip';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { startPostgresServer } from '../support/postgres-server';

async function openEngine(engine: SqlEngine): Promise<{ store: SqlStore; close(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 've-library-'));
    const handle = openDb(join(dir, 'store.sqlite'));
    const store = await openSqliteStore(handle);
    return {
      store,
      close: async () => {
        await store.close();
        handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = await startPostgresServer();
  try {
    const store = await openPostgresStore(await server.createDatabase('library'));
    return {
      store,
      close: async () => {
        await store.close();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

const record = (id: string, endedAt: string, over: Partial<LibraryRecord> = {}): LibraryRecord => ({
  recordingId: id,
  conversationId: `CH-${id}`,
  kind: 'call',
  agentIdentity: 'alex',
  agentName: 'Alex',
  customerName: 'Jordan',
  endedAt,
  durationSeconds: 60,
  state: 'ready',
  hasTranscript: true,
  ...over,
});
const at = (day: number, ms = 0) => new Date(Date.UTC(2026, 10, day, 9, 0, 0, ms)).toISOString();
const HOSTILE = ['"', '*', '(', ')', ':', '^', 'NEAR', 'OR', 'AND', '--', "'", ';', 'refund"; DROP TABLE ve_recordings; --', 'NEAR(refund card)', 'text:refund', '^refund', 'refund*', '-refund', "o'brien", '\\', '%', '_', '\u0000', '\u0002x\u0003', 'x'.repeat(10_240), 'refund '.repeat(1400)];

describe.each<SqlEngine>(['sqlite', 'postgres'])('recordings library on %s', (engine) => {
  let opened: Awaited<ReturnType<typeof openEngine>>;
  let lib: RecordingLibrary;
  jest.setTimeout(60_000);

  beforeAll(async () => {
    opened = await openEngine(engine);
    lib = opened.store.library;
    await lib.upsert(record('RE1', at(1), { agentIdentity: 'sam', agentName: 'Sam', kind: 'clip', durationSeconds: 30 }));
    await lib.upsert(record('RE2', at(2)));
    // Two recordings that ended in the same second (and one in the same millisecond).
    await lib.upsert(record('RE3', at(3, 100)));
    await lib.upsert(record('RE4', at(3, 100), { state: 'processing', hasTranscript: false }));
    await lib.replaceLines('RE1', [{ start: 0, end: 2, speaker: 'Customer', text: 'I want a refund for my card' }]);
    await lib.replaceLines('RE2', [
      { start: 0, end: 2, speaker: 'Agent', text: 'Hello, how can I help?' },
      { start: 2, end: 4, speaker: 'Customer', text: 'The refunds never arrived, my cards were charged twice' },
      { start: 4, end: 6, speaker: 'Agent', text: "Let's look at the refund together" },
    ]);
    await lib.replaceLines('RE3', [{ start: 1, end: 3, speaker: 'Customer', text: 'old words about a printer' }]);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('stores and updates a recording; progress on an unknown one says so', async () => {
    expect(await lib.get('RE2')).toEqual(record('RE2', at(2)));
    expect(await lib.updateProgress('REnone', { state: 'ready', durationSeconds: 1, hasTranscript: true })).toBe(false);
    expect(await lib.updateProgress('RE4', { state: 'failed', durationSeconds: 12.5, hasTranscript: false })).toBe(true);
    expect(await lib.get('RE4')).toMatchObject({ state: 'failed', durationSeconds: 12.5, hasTranscript: false });
    await lib.upsert(record('RE4', at(3, 100), { customerName: 'Renamed', state: 'processing', hasTranscript: false }));
    expect(await lib.get('RE4')).toMatchObject({ customerName: 'Renamed', state: 'processing' });
    expect(await lib.get('REnone')).toBeNull();
  });

  it('lists newest first (ties by recording id), pages after a position, and filters', async () => {
    const ids = async (q: Parameters<RecordingLibrary['list']>[0]) => (await lib.list(q)).map((r) => r.recordingId);
    expect(await ids({ filter: {}, limit: 10 })).toEqual(['RE4', 'RE3', 'RE2', 'RE1']);
    expect(await ids({ filter: {}, after: { endedAt: at(3, 100), recordingId: 'RE4' }, limit: 2 })).toEqual(['RE3', 'RE2']);
    expect(await ids({ filter: { agentIdentity: 'sam' }, limit: 10 })).toEqual(['RE1']);
    expect(await ids({ filter: { kind: 'call', state: 'ready' }, limit: 10 })).toEqual(['RE3', 'RE2']);
    expect(await ids({ filter: { minSeconds: 31, maxSeconds: 60 }, limit: 10 })).toEqual(['RE4', 'RE3', 'RE2']);
    expect(await ids({ filter: { endedFrom: at(2), endedBefore: at(3, 100) }, limit: 10 })).toEqual(['RE2']);
  });

  it('finds lines by stemmed words, newest recording first and in line order, with the matched words marked', async () => {
    const hits = await lib.search({ text: 'refund', filter: {}, limit: 10 });
    expect(hits.map((h) => [h.recording.recordingId, h.start, h.text.slice(h.highlights[0][0], h.highlights[0][1])])).toEqual([
      ['RE2', 2, 'refunds'],
      ['RE2', 4, 'refund'],
      ['RE1', 0, 'refund'],
    ]);
    const [both] = await lib.search({ text: 'refund cards', filter: {}, limit: 1 });
    expect(both.highlights).toEqual([
      [4, 11],
      [30, 35],
    ]);
    expect(both.recording).toEqual(record('RE2', at(2)));
  });

  it('pages search after a line key, and applies the filters', async () => {
    const [first, ...rest] = await lib.search({ text: 'refund', filter: {}, limit: 10 });
    expect((await lib.search({ text: 'refund', filter: {}, afterKey: first.lineKey, limit: 10 })).map((h) => h.lineKey)).toEqual(rest.map((h) => h.lineKey));
    expect((await lib.search({ text: 'refund', filter: { agentIdentity: 'sam' }, limit: 10 })).map((h) => h.recording.recordingId)).toEqual(['RE1']);
    expect((await lib.search({ text: 'refund', filter: { endedBefore: at(2) }, limit: 10 })).map((h) => h.recording.recordingId)).toEqual(['RE1']);
    expect((await lib.search({ text: 'refund', filter: { endedFrom: at(1, 1) }, limit: 10 })).map((h) => h.recording.recordingId)).toEqual(['RE2', 'RE2']);
  });

  it('replacing a transcript replaces what the index finds', async () => {
    expect(await lib.search({ text: 'printer', filter: {}, limit: 10 })).toHaveLength(1);
    await lib.replaceLines('RE3', [{ start: 1, end: 3, speaker: 'Customer', text: 'new words about a scanner' }]);
    expect(await lib.search({ text: 'printer', filter: {}, limit: 10 })).toEqual([]);
    expect((await lib.search({ text: 'scanner', filter: {}, limit: 10 })).map((h) => h.recording.recordingId)).toEqual(['RE3']);
    await expect(lib.replaceLines('REnone', [])).rejects.toThrow(/not in the library/);
  });

  it('query syntax never reaches the engine: hostile text gives results, never an error', async () => {
    for (const text of HOSTILE) {
      const hits = await lib.search({ text, filter: {}, limit: 5 });
      expect(Array.isArray(hits)).toBe(true);
    }
    // Quoted words are still words: a word next to syntax is found.
    expect((await lib.search({ text: 'refund*', filter: { agentIdentity: 'sam' }, limit: 5 })).length).toBe(1);
    expect(await lib.get('RE1')).not.toBeNull();
  });

  it('stores lines with NUL or marker characters without them', async () => {
    await lib.replaceLines('RE4', [{ start: 0, end: 1, speaker: 'Agent', text: 'odd\u0000 \u0002bytes\u0003 here' }]);
    const [hit] = await lib.search({ text: 'bytes', filter: {}, limit: 1 });
    expect(hit).toMatchObject({ text: 'odd bytes here', highlights: [[4, 9]] });
  });

  it('says who made a clip, from the clip’s own row (found through its pipeline job); calls and clips without one say nothing', async () => {
    const made = at(5);
    const clip: Clip = {
      id: 'C5', conversationId: 'CH-RE5', authorRole: 'customer', authorIdentity: 'customer:c5', authorName: 'Customer', agentIdentity: 'alex',
      agentName: 'Alex', take: 2, roomName: 'clip-C5-2', status: 'sent', recordedSeconds: 42, version: 3, createdAt: made, updatedAt: made,
    };
    const job: PipelineJob = {
      roomName: 'clip-C5-2', roomSid: 'RM5', conversationId: 'CH-RE5', escalationId: 'C5', recordingId: 'RE5', recording: true, endedAt: made,
      kind: 'clip', clip: { clipId: 'C5', authorRole: 'customer', authorName: 'Customer', mode: 'camera' }, state: 'attached', version: 1, createdAt: made, updatedAt: made,
    };
    await opened.store.clips.insert(clip);
    await opened.store.pipeline.insertIfAbsent(job);
    await lib.upsert(record('RE5', made, { kind: 'clip', durationSeconds: 42 }));
    await lib.replaceLines('RE5', [{ start: 0, end: 2, speaker: 'Customer', text: 'the modem hums' }]);

    expect(await lib.get('RE5')).toEqual({ ...record('RE5', made, { kind: 'clip', durationSeconds: 42 }), clipAuthorRole: 'customer' });
    const listed = await lib.list({ filter: {}, limit: 10 });
    expect(listed.map((r) => [r.recordingId, r.clipAuthorRole])).toEqual([
      ['RE5', 'customer'],
      ['RE4', undefined],
      ['RE3', undefined],
      ['RE2', undefined],
      ['RE1', undefined], // a clip whose row is gone
    ]);
    const [hit] = await lib.search({ text: 'modem', filter: {}, limit: 1 });
    expect(hit.recording.clipAuthorRole).toBe('customer');
  });
});
