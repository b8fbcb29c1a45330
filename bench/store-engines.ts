/**
 * Embedded store engines, the same SQL store code (src/adapters/sql) on each:
 *   sqlite       Kysely + better-sqlite3, in memory
 *   pglite       Kysely + PGlite (PostgreSQL compiled to WASM), in memory
 *   sqlite_file  Kysely + better-sqlite3 on a WAL file, as local mode runs it (context only)
 * Per engine and run: open + migrate (and, within it, the engine's own start), 1000 pipeline job inserts, 1000 saveIfUnchanged (one per
 * job, sequential, as the pipeline does them). Runs alternate engines so drift hits all alike.
 * Prints `figure: NAME VALUE UNIT` lines: medians, the first (cold) open, and pglite / sqlite ratios.
 * Run: npx tsx bench/store-engines.ts   (STORE_BENCH_RUNS, default 5)
 */
import { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/adapters/local/db';
import { openSqliteStore, openStoreWith, type SqlStore } from '../src/adapters/sql/database';
import type { PipelineJob } from '../src/domain/pipeline-job';
import { figureLine, median } from './support/figures';

const OPS = 1000;
const RUNS = Number(process.env.STORE_BENCH_RUNS ?? 5);

type Engine = 'sqlite' | 'pglite' | 'sqlite_file';
interface Opened {
  store: SqlStore;
  /** The engine alone, before Kysely and the migrations (PGlite's WASM start and in-memory initdb). */
  bootMs: number;
  dispose(): Promise<void>;
}

/**
 * PGlite is one in-process connection; Kysely's PostgreSQL driver only needs a pool whose client
 * answers `query` with pg's result shape. Good enough for this sequential bench (no pooling, so
 * concurrent transactions would interleave).
 */
function pgliteDialect(pg: PGlite): PostgresDialect {
  const query = async <R>(text: string, params: readonly unknown[]): Promise<PostgresQueryResult<R>> => {
    const r = await pg.query<R>(text, [...params]);
    const command = text.trimStart().split(/\s/, 1)[0].toUpperCase() as PostgresQueryResult<R>['command'];
    return { command, rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
  };
  // Kysely's client type also has a cursor overload (streaming), which the store never uses.
  const client = { query, release: () => undefined } as unknown as PostgresPoolClient;
  return new PostgresDialect({ pool: { connect: async () => client, end: async () => pg.close() } });
}

async function open(engine: Engine): Promise<Opened> {
  if (engine === 'pglite') {
    const t = performance.now();
    const pg = await PGlite.create();
    const bootMs = performance.now() - t;
    const store = await openStoreWith(pgliteDialect(pg), 'postgres');
    return { store, bootMs, dispose: () => store.close() };
  }
  const dir = engine === 'sqlite_file' ? mkdtempSync(join(tmpdir(), 've-bench-store-')) : null;
  const t = performance.now();
  const handle = openDb(dir ? join(dir, 'store.sqlite') : ':memory:');
  const bootMs = performance.now() - t;
  const store = await openSqliteStore(handle);
  return {
    store,
    bootMs,
    dispose: async () => {
      await store.close();
      handle.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const job = (i: number): PipelineJob => ({
  roomName: `esc-${i}`,
  roomSid: `RM${i}`,
  conversationId: `CH${i % 50}`,
  escalationId: `e${i}`,
  recordingId: `RE${i}`,
  recording: true,
  endedAt: new Date(Date.UTC(2026, 10, 21, 9, 0, i)).toISOString(),
  state: 'recorded',
  speakers: [{ participantIdentity: 'agent:alice', role: 'agent', startOffsetSeconds: 0, compositionId: `CJ${i}`, compositionStatus: 'pending', transcribeAttempts: 0 }],
  version: 1,
  createdAt: new Date(Date.UTC(2026, 10, 21, 9, 0, i)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 10, 21, 9, 0, i)).toISOString(),
});

interface Sample {
  openMs: number;
  bootMs: number;
  insertMs: number;
  saveMs: number;
}

async function sample(engine: Engine): Promise<Sample> {
  let t = performance.now();
  const { store, bootMs, dispose } = await open(engine);
  const openMs = performance.now() - t;
  try {
    const jobs = Array.from({ length: OPS }, (_, i) => job(i));
    t = performance.now();
    for (const j of jobs) if (!(await store.pipeline.insertIfAbsent(j))) throw new Error(`${engine}: insert ${j.roomName} refused`);
    const insertMs = performance.now() - t;
    t = performance.now();
    for (const j of jobs) {
      const next: PipelineJob = { ...j, state: 'composing', version: j.version + 1, updatedAt: new Date().toISOString() };
      if (!(await store.pipeline.saveIfUnchanged(next))) throw new Error(`${engine}: save ${j.roomName} refused`);
    }
    const saveMs = performance.now() - t;
    return { openMs, bootMs, insertMs, saveMs };
  } finally {
    await dispose();
  }
}

async function main(): Promise<void> {
  const engines: Engine[] = ['sqlite', 'pglite', 'sqlite_file'];
  const samples = new Map<Engine, Sample[]>(engines.map((e) => [e, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const engine of run % 2 ? [...engines].reverse() : engines) {
      const s = await sample(engine);
      samples.get(engine)?.push(s);
      console.error(`run ${run + 1} ${engine}: open ${s.openMs.toFixed(1)} ms (engine ${s.bootMs.toFixed(1)}), insert ${s.insertMs.toFixed(1)} ms, save ${s.saveMs.toFixed(1)} ms`);
    }
  }
  const med = (e: Engine, k: keyof Sample) => median((samples.get(e) ?? []).map((s) => s[k]));
  const cold = (e: Engine) => (samples.get(e) ?? [])[0].openMs;
  for (const e of engines) {
    console.log(figureLine(`${e}_open_migrate_cold_ms`, cold(e), 'ms'));
    console.log(figureLine(`${e}_open_migrate_ms`, med(e, 'openMs'), 'ms'));
    console.log(figureLine(`${e}_engine_start_ms`, med(e, 'bootMs'), 'ms'));
    console.log(figureLine(`${e}_insert_${OPS}_ms`, med(e, 'insertMs'), 'ms'));
    console.log(figureLine(`${e}_save_${OPS}_ms`, med(e, 'saveMs'), 'ms'));
  }
  console.log(figureLine('pglite_vs_sqlite_open_migrate_ratio', med('pglite', 'openMs') / med('sqlite', 'openMs'), 'ratio'));
  console.log(figureLine('pglite_vs_sqlite_insert_ratio', med('pglite', 'insertMs') / med('sqlite', 'insertMs'), 'ratio'));
  console.log(figureLine('pglite_vs_sqlite_save_ratio', med('pglite', 'saveMs') / med('sqlite', 'saveMs'), 'ratio'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
