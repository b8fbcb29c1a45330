import { openDb } from '../../adapters/local/db';
import { openSqliteStore } from '../../adapters/sql/database';
import { DomainError } from '../../domain/errors';
import type { LibraryRecord } from '../../ports/recording-library';
import { agent, makeTestDeps, otherAgent, supervisor } from '../test-support/local-deps';
import { getRecording, listRecordings } from './list-recordings';
import { searchTranscripts } from './search-transcripts';

const record = (n: number, agentIdentity: string, over: Partial<LibraryRecord> = {}): LibraryRecord => ({
  recordingId: `RE${n}`,
  conversationId: `CH${n}`,
  kind: n % 2 ? 'call' : 'clip',
  agentIdentity,
  agentName: agentIdentity,
  customerName: 'Customer',
  endedAt: new Date(Date.UTC(2026, 10, 1 + n)).toISOString(),
  durationSeconds: 10 * n,
  state: 'ready',
  hasTranscript: true,
  ...over,
});

/** Core deps with the real SQLite library: alex has RE1–RE4, sam RE5–RE6, each saying "refund". */
async function setup() {
  const t = await makeTestDeps();
  const store = await openSqliteStore(openDb(':memory:'));
  t.deps.pipeline.library = store.library;
  for (let n = 1; n <= 6; n++) {
    await store.library.upsert(record(n, n <= 4 ? 'alex' : 'sam'));
    await store.library.replaceLines(`RE${n}`, [{ start: n, end: n + 1, speaker: 'Customer', text: `refund number ${n}` }]);
  }
  return t.deps;
}

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'no error';
};
const ids = (items: { recordingId: string }[]) => items.map((i) => i.recordingId);

describe('recordings library roles', () => {
  it('a supervisor sees every recording, newest first, and may filter by agent', async () => {
    const deps = await setup();
    expect(ids((await listRecordings(deps, supervisor, {})).items)).toEqual(['RE6', 'RE5', 'RE4', 'RE3', 'RE2', 'RE1']);
    expect(ids((await listRecordings(deps, supervisor, { agentIdentity: 'sam' })).items)).toEqual(['RE6', 'RE5']);
    expect((await searchTranscripts(deps, supervisor, { query: 'refund' })).hits).toHaveLength(6);
  });

  it('an agent sees only their own, in the list, in search and by id; naming another agent is a 403', async () => {
    const deps = await setup();
    expect(ids((await listRecordings(deps, agent, {})).items)).toEqual(['RE4', 'RE3', 'RE2', 'RE1']);
    expect(ids((await listRecordings(deps, agent, { agentIdentity: 'alex' })).items)).toHaveLength(4);
    expect(await failure(listRecordings(deps, agent, { agentIdentity: 'sam' }))).toBe('403 not_allowed');
    expect(await failure(searchTranscripts(deps, agent, { query: 'refund', agentIdentity: 'sam' }))).toBe('403 not_allowed');
    expect((await searchTranscripts(deps, agent, { query: 'refund' })).hits.map((h) => h.recording.recordingId)).toEqual(['RE4', 'RE3', 'RE2', 'RE1']);
    expect((await searchTranscripts(deps, otherAgent, { query: 'refund' })).hits.map((h) => h.recording.agentIdentity)).toEqual(['sam', 'sam']);
    expect((await getRecording(deps, agent, 'RE1')).recordingId).toBe('RE1');
    expect(await failure(getRecording(deps, agent, 'RE5'))).toBe('403 not_allowed');
    expect((await getRecording(deps, supervisor, 'RE5')).agentIdentity).toBe('sam');
    expect(await failure(getRecording(deps, supervisor, 'REnope'))).toBe('404 recording_not_found');
  });

  it('staff with no agent or supervisor role see nothing', async () => {
    const deps = await setup();
    const nobody = { identity: 'x', name: 'X', roles: [] };
    expect(await failure(listRecordings(deps, nobody, {}))).toBe('403 not_allowed');
    expect(await failure(searchTranscripts(deps, nobody, { query: 'refund' }))).toBe('403 not_allowed');
    expect(await failure(getRecording(deps, nobody, 'RE1'))).toBe('403 not_allowed');
  });
});

describe('filters and cursors', () => {
  it('filters by kind, length, state and inclusive dates (a bare day runs to its end)', async () => {
    const deps = await setup();
    expect(ids((await listRecordings(deps, supervisor, { kind: 'clip' })).items)).toEqual(['RE6', 'RE4', 'RE2']);
    expect(ids((await listRecordings(deps, supervisor, { minSeconds: 20, maxSeconds: 40 })).items)).toEqual(['RE4', 'RE3', 'RE2']);
    expect(ids((await listRecordings(deps, supervisor, { from: '2026-11-03', to: '2026-11-04' })).items)).toEqual(['RE3', 'RE2']);
    expect(ids((await listRecordings(deps, supervisor, { to: '2026-11-03T00:00:00Z' })).items)).toEqual(['RE2', 'RE1']);
    expect((await listRecordings(deps, supervisor, { state: 'failed' })).items).toEqual([]);
  });

  it('pages by a signed cursor; an edited, foreign or borrowed cursor is a 400', async () => {
    const deps = await setup();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRecordings(deps, supervisor, { limit: 4, cursor });
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['RE6', 'RE5', 'RE4', 'RE3', 'RE2', 'RE1']);
    const first = (await listRecordings(deps, supervisor, { limit: 2 })).nextCursor as string;
    const [payload, mac] = first.split('.');
    const edited = `${Buffer.from(JSON.stringify({ endedAt: '2099-01-01T00:00:00.000Z', recordingId: 'RE9' })).toString('base64url')}.${mac}`;
    expect(await failure(listRecordings(deps, supervisor, { cursor: edited }))).toBe('400 cursor_invalid');
    expect(await failure(listRecordings(deps, supervisor, { cursor: `${payload}.${mac.slice(1)}x` }))).toBe('400 cursor_invalid');
    expect(await failure(listRecordings(deps, supervisor, { cursor: 'garbage' }))).toBe('400 cursor_invalid');
    // Signed, but for another filter, or another caller.
    expect(await failure(listRecordings(deps, supervisor, { cursor: first, kind: 'call' }))).toBe('400 cursor_invalid');
    expect(await failure(listRecordings(deps, agent, { cursor: first }))).toBe('400 cursor_invalid');
    expect(await failure(searchTranscripts(deps, supervisor, { query: 'refund', cursor: first }))).toBe('400 cursor_invalid');
  });

  it('search pages by cursor too, and an empty query is a 400', async () => {
    const deps = await setup();
    const one = await searchTranscripts(deps, supervisor, { query: 'refund', limit: 5 });
    const two = await searchTranscripts(deps, supervisor, { query: 'refund', limit: 5, cursor: one.nextCursor });
    expect([...one.hits, ...two.hits].map((h) => h.text)).toEqual([6, 5, 4, 3, 2, 1].map((n) => `refund number ${n}`));
    expect(two.nextCursor).toBeUndefined();
    expect(one.hits[0].highlights).toEqual([[0, 6]]);
    expect(await failure(searchTranscripts(deps, supervisor, { query: '  ' }))).toBe('400 query_empty');
    expect(await failure(searchTranscripts(deps, supervisor, { query: 'number', cursor: one.nextCursor }))).toBe('400 cursor_invalid');
  });
});
