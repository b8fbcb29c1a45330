import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import type { RecordingLibrary } from '../../src/ports/recording-library';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * The recordings library and transcript search over HTTP, against the real local stack (the
 * Functions under twilio-run on the stack's SQLite file). Recordings are seeded straight into the
 * library: the pipeline feeding it is proven in src/core/pipeline/library-index.test.ts.
 */
jest.setTimeout(90_000);

let stack: TestStack;
let supervisor: string;
let alex: string;
let sam: string;

const tokenFor = (identity: string, roles: ('agent' | 'supervisor')[]) => {
  const secret = JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8')).localAgentSecret as string;
  return new LocalIdentity(secret).issue({ identity, name: identity, roles });
};

beforeAll(async () => {
  stack = await startTestStack();
  supervisor = await tokenFor('sue', ['supervisor']);
  alex = await tokenFor('alex', ['agent']);
  sam = await tokenFor('sam', ['agent']);
  const library = stack.backend.deps.pipeline.library as RecordingLibrary;
  for (let n = 1; n <= 6; n++) {
    const agentIdentity = n % 2 ? 'alex' : 'sam';
    await library.upsert({
      recordingId: `RElib${n}`,
      conversationId: `CHlib${n}`,
      kind: n <= 3 ? 'call' : 'clip',
      agentIdentity,
      agentName: agentIdentity === 'alex' ? 'Alex' : 'Sam',
      customerName: 'Jordan Lee',
      endedAt: new Date(Date.UTC(2026, 10, n, 12)).toISOString(),
      durationSeconds: 30 * n,
      state: 'ready',
      hasTranscript: true,
    });
    await library.replaceLines(`RElib${n}`, [
      { start: 1, end: 3, speaker: 'Agent', text: 'Hello, how can I help you today?' },
      { start: 3, end: 6, speaker: 'Customer', text: `My router number ${n} keeps dropping the connection` },
    ]);
  }
});
afterAll(async () => {
  await stack?.close();
});

const list = (token: string | undefined, body: Record<string, unknown> = {}) => stack.post('/recordings', token ? { ...body, Token: token } : body);
const search = (token: string | undefined, body: Record<string, unknown>) => stack.post('/search-transcripts', token ? { ...body, Token: token } : body);
const ids = (r: { body: { items: { recordingId: string }[] } }) => r.body.items.map((i) => i.recordingId);

describe('roles', () => {
  it('without a staff token (a customer) or with a forged one: 401 everywhere', async () => {
    for (const call of [list(undefined), search(undefined, { query: 'router' }), list(undefined, { recordingId: 'RElib1' })]) {
      expect((await call).status).toBe(401);
    }
    expect((await list('forged.token.here')).status).toBe(401);
    expect((await search('forged', { query: 'router' })).status).toBe(401);
  });

  it('a supervisor sees every recording, newest first, with where to play it', async () => {
    const res = await list(supervisor);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(['RElib6', 'RElib5', 'RElib4', 'RElib3', 'RElib2', 'RElib1']);
    expect(res.body.items[0]).toMatchObject({ agentIdentity: 'sam', agentName: 'Sam', customerName: 'Jordan Lee', kind: 'clip', durationSeconds: 180, state: 'ready', hasTranscript: true });
    expect(res.body.items[0].mediaUrl).toEqual(expect.stringContaining('RElib6'));
    expect(ids(await list(supervisor, { agentIdentity: 'alex', kind: 'call' }))).toEqual(['RElib3', 'RElib1']);
    expect((await search(supervisor, { query: 'router' })).body.hits).toHaveLength(6);
  });

  it('an agent sees only their own recordings in the list, search and player; another agent’s is a 403', async () => {
    expect(ids(await list(alex))).toEqual(['RElib5', 'RElib3', 'RElib1']);
    expect(ids(await list(sam))).toEqual(['RElib6', 'RElib4', 'RElib2']);
    const hits = (await search(alex, { query: 'router' })).body.hits as { recording: { agentIdentity: string } }[];
    expect(hits.map((h) => h.recording.agentIdentity)).toEqual(['alex', 'alex', 'alex']);
    expect(ids(await list(alex, { recordingId: 'RElib1' }))).toEqual(['RElib1']);
    const refused = await list(alex, { recordingId: 'RElib2' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_allowed');
    expect((await list(alex, { agentIdentity: 'sam' })).status).toBe(403);
    expect((await search(alex, { query: 'router', agentIdentity: 'sam' })).status).toBe(403);
    expect((await list(supervisor, { recordingId: 'RElib2' })).status).toBe(200);
    expect((await list(supervisor, { recordingId: 'REnothere' })).status).toBe(404);
  });
});

describe('malformed input: a 4xx or results, never a 5xx', () => {
  it('refuses malformed filters with a 400 that names the field', async () => {
    const bad: Record<string, unknown>[] = [
      { kind: 'video' },
      { state: 'done' },
      { from: 'yesterday' },
      { to: '2026-13-45' },
      { from: '2026-11-05', to: '2026-11-01' },
      { minSeconds: 'abc' },
      { minSeconds: -1 },
      { minSeconds: 50, maxSeconds: 10 },
      { limit: 0 },
      { limit: 1000 },
      { limit: 2.5 },
      { agentIdentity: '' },
      { agentIdentity: 'a'.repeat(500) },
      { agentIdentity: 'sam\u0000' },
      { recordingId: '../../etc/passwd' },
      { recordingId: "RE1' OR '1'='1" },
      { cursor: '' },
      { from: "2026-11-01'; DROP TABLE ve_recordings; --" },
    ];
    for (const body of bad) {
      const res = await list(supervisor, body);
      expect([res.status, body]).toEqual([400, body]);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(ids(await list(supervisor, { agentIdentity: "sam' OR '1'='1" }))).toEqual([]);
  });

  it('search strings with SQL and FTS syntax give results or a 4xx; empty and over 10 kB are a 400', async () => {
    const strings = ['"', '*', '(', ')', ':', '^', 'NEAR', 'OR', 'AND', '--', "'", ';', '" * ( ) : ^ NEAR OR AND -- \' ;', 'router"', 'NEAR(router connection)', 'text:router', '^router', 'router*', '-router', "router' OR 1=1; --", 'router AND OR NOT', '\\', '%_', '😀 router', 'router\u0000', '\u0002router\u0003', 'x'.repeat(10_240), 'router '.repeat(1462)];
    for (const query of strings) {
      const res = await search(supervisor, { query });
      expect(res.status).toBeLessThan(500);
      expect([res.status, query.slice(0, 40)]).toEqual([200, query.slice(0, 40)]);
    }
    // Words next to syntax are still found.
    expect((await search(supervisor, { query: 'router*' })).body.hits.length).toBe(6);
    for (const query of ['', '   ', '\u0000', 'x'.repeat(10_241)]) {
      const res = await search(supervisor, { query });
      expect(res.status).toBe(400);
    }
    expect((await search(supervisor, {})).status).toBe(400);
    expect((await search(supervisor, { query: 42 })).status).toBe(400);
  });
});

describe('search results and cursors', () => {
  it('gives the matching lines with the words marked, newest first', async () => {
    const res = await search(supervisor, { query: 'dropping routers' });
    expect(res.status).toBe(200);
    const [hit] = res.body.hits;
    expect(hit).toMatchObject({ start: 3, end: 6, speaker: 'Customer', text: 'My router number 6 keeps dropping the connection' });
    expect(hit.recording.recordingId).toBe('RElib6');
    expect(hit.highlights.map(([a, b]: [number, number]) => hit.text.slice(a, b))).toEqual(['router', 'dropping']);
  });

  it('pages with the signed cursor; a tampered or borrowed cursor is a 400', async () => {
    const first = await list(supervisor, { limit: 4 });
    expect(ids(first)).toHaveLength(4);
    const second = await list(supervisor, { limit: 4, cursor: first.body.nextCursor });
    expect(ids(second)).toEqual(['RElib2', 'RElib1']);
    expect(second.body.nextCursor).toBeUndefined();
    const cursor = first.body.nextCursor as string;
    const [payload, mac] = cursor.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ endedAt: '2099-01-01T00:00:00.000Z', recordingId: 'RElib9' })).toString('base64url');
    for (const tampered of [`${forgedPayload}.${mac}`, `${payload}.${mac.slice(0, -2)}AA`, `${payload}x.${mac}`, 'not-a-cursor', `${cursor}.x`]) {
      const res = await list(supervisor, { limit: 4, cursor: tampered });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('cursor_invalid');
    }
    // The supervisor's cursor does not page an agent's list, nor a search.
    expect((await list(alex, { limit: 4, cursor })).status).toBe(400);
    expect((await search(supervisor, { query: 'router', cursor })).status).toBe(400);
    const page = await search(supervisor, { query: 'router', limit: 4 });
    const rest = await search(supervisor, { query: 'router', limit: 4, cursor: page.body.nextCursor });
    expect([...page.body.hits, ...rest.body.hits].map((h: { recording: { recordingId: string } }) => h.recording.recordingId)).toEqual(['RElib6', 'RElib5', 'RElib4', 'RElib3', 'RElib2', 'RElib1']);
    expect((await search(supervisor, { query: 'router', limit: 4, cursor: `${page.body.nextCursor}A` })).status).toBe(400);
  });
});
