import { migrationProvider } from '../../src/adapters/sql/migrations';
/**
 * Two Function invocations on PostgreSQL, each with its own pool, advance the same pipeline job.
 * saveIfUnchanged must make read → modify → save safe without locks held across the round trip:
 * no update is lost, and a claim (recorded → composing) has exactly one winner.
 */
import { sql } from 'kysely';
import { openPostgresStore, type SqlStore } from '../../src/adapters/sql/database';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

const job = (room: string): PipelineJob => ({
  roomName: room,
  roomSid: `RM-${room}`,
  conversationId: 'CH-race',
  escalationId: `e-${room}`,
  recordingId: `RE-${room}`,
  recording: true,
  endedAt: '2026-11-21T09:00:00.000Z',
  state: 'recorded',
  // The counter the racers increment lives inside the JSON, where a lost update would show.
  speakers: [{ participantIdentity: 'agent:alice', role: 'agent', startOffsetSeconds: 0, compositionId: 'CJ1', compositionStatus: 'pending', transcribeAttempts: 0 }],
  version: 1,
  createdAt: '2026-11-21T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
});

const counter = (j: PipelineJob): number => j.speakers?.[0].transcribeAttempts ?? -1;
const withCounter = (j: PipelineJob, n: number): PipelineJob => ({
  ...j,
  speakers: j.speakers?.map((s, i) => (i === 0 ? { ...s, transcribeAttempts: n } : s)),
});
/** A random pause of 0–2 ms between read and save, so the racers' round trips interleave. */
const jitter = () => new Promise((r) => setTimeout(r, Math.floor(Math.random() * 3)));

let server: PostgresServer | undefined;
let url = '';
const stores: SqlStore[] = [];
/** An independent pool of one connection, as a separate Function invocation would have. */
const invocation = async (database = url): Promise<SqlStore> => {
  const s = await openPostgresStore(database, { max: 1 });
  stores.push(s);
  return s;
};

beforeAll(async () => {
  server = await startPostgresServer();
  url = await server.createDatabase('race');
}, 60_000);

afterAll(async () => {
  try {
    await Promise.all(stores.map((s) => s.close()));
  } finally {
    await server?.stop();
  }
}, 30_000);

describe('SQL store under concurrent Function invocations (PostgreSQL)', () => {
  it('invocations opening a fresh database at once migrate it exactly once', async () => {
    const fresh = await (server as PostgresServer).createDatabase('fresh');
    const opened = await Promise.all(Array.from({ length: 6 }, () => invocation(fresh)));
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(opened[0].db);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
  }, 60_000);

  it('two invocations racing to advance one job 50 times lose no update', async () => {
    const TARGET = 50;
    const [a, b] = await Promise.all([invocation(), invocation()]);
    await a.pipeline.insertIfAbsent(job('race-1'));

    const racer = async (store: SqlStore) => {
      let successes = 0;
      let conflicts = 0;
      for (;;) {
        const current = (await store.pipeline.get('race-1')) as PipelineJob;
        if (counter(current) >= TARGET) return { successes, conflicts };
        await jitter();
        const next = { ...withCounter(current, counter(current) + 1), version: current.version + 1 };
        if (await store.pipeline.saveIfUnchanged(next)) successes++;
        else conflicts++;
      }
    };
    const results = await Promise.all([racer(a), racer(b)]);
    const saved = results[0].successes + results[1].successes;
    const final = (await a.pipeline.get('race-1')) as PipelineJob;

    expect(saved).toBe(TARGET);
    expect(counter(final)).toBe(saved);
    expect(final.version).toBe(1 + saved);
    // Both invocations took part, and the race was real: some saves were refused.
    expect(results[0].successes).toBeGreaterThan(0);
    expect(results[1].successes).toBeGreaterThan(0);
    expect(results[0].conflicts + results[1].conflicts).toBeGreaterThan(0);
  }, 60_000);

  it('exactly one of N concurrent claimers moves a job from recorded to composing', async () => {
    const N = 6;
    const claimers = await Promise.all(Array.from({ length: N }, () => invocation()));
    for (let round = 0; round < 10; round++) {
      const room = `claim-${round}`;
      await claimers[0].pipeline.insertIfAbsent(job(room));
      // Everyone reads first, so all N see 'recorded' at version 1 and all try to claim it.
      const seen = await Promise.all(claimers.map((c) => c.pipeline.get(room)));
      const won = await Promise.all(
        claimers.map((c, i) => {
          const j = seen[i] as PipelineJob;
          expect(j.state).toBe('recorded');
          return c.pipeline.saveIfUnchanged({ ...j, state: 'composing', reason: `claimer-${i}`, version: j.version + 1 });
        }),
      );
      const winners = won.flatMap((w, i) => (w ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await claimers[0].pipeline.get(room)).toMatchObject({ state: 'composing', version: 2, reason: `claimer-${winners[0]}` });
    }
  }, 60_000);
});
