/**
 * `npm run bench:search`: the recordings library and transcript search at 10,000 recordings.
 * Seeds 10,000 recordings with ~400-word transcripts (bench/support/transcript-model.ts, fixed
 * seed) through the store's own write path, into SQLite (a WAL file, FTS5) and into a private
 * PostgreSQL 15 started for the run (tsvector + GIN), then times, through the core use cases
 * (role scoping, cursor signing included), 200 varied searches and 200 filtered list pages on each.
 *
 *   search_p95_ms_sqlite, search_p95_ms_postgres   p95 of the 200 searches per engine
 *   list_p95_ms                                    p95 of the list pages, the worse engine
 *   (list_p95_ms_sqlite, list_p95_ms_postgres, and medians, for context)
 *
 * Samples and progress go to stderr, figure lines to stdout. Goal: p95 ≤ 50 ms each.
 */
import '../tests/support/quiet-logs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { ListRecordingsRequest, SearchTranscriptsRequest } from '../src/api/library-contract';
import { openDb } from '../src/adapters/local/db';
import { openPostgresStore, openSqliteStore, type SqlStore } from '../src/adapters/sql/database';
import type { LibraryDeps } from '../src/core/library/library-deps';
import { listRecordings } from '../src/core/library/list-recordings';
import { searchTranscripts } from '../src/core/library/search-transcripts';
import type { StaffIdentity } from '../src/domain/identity';
import type { LibraryRecord } from '../src/ports/recording-library';
import { startPostgresServer } from '../tests/support/postgres-server';
import { figureLine, median } from './support/figures';
import { transcriptModel, type TranscriptModel } from './support/transcript-model';

const RECORDINGS = Number(process.env.BENCH_RECORDINGS ?? 10_000);
const WORDS = Number(process.env.BENCH_WORDS ?? 400);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const AGENTS = 25;
const log = (line: string) => process.stderr.write(`bench:search ${line}\n`);

const supervisor: StaffIdentity = { identity: 'sue', name: 'Sue', roles: ['supervisor'] };
const agentOf = (n: number): StaffIdentity => ({ identity: `agent${n}`, name: `Agent ${n}`, roles: ['agent'] });
const START = Date.UTC(2025, 11, 1);
const YEAR_MS = 365 * 86_400_000;

/** p95 by nearest rank. */
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];

function recordings(model: TranscriptModel) {
  const out: { record: LibraryRecord; lines: ReturnType<TranscriptModel['transcript']> }[] = [];
  for (let n = 0; n < RECORDINGS; n++) {
    const agent = 1 + Math.floor(model.random() * AGENTS);
    const r = model.random();
    const record: LibraryRecord = {
      recordingId: `RE${String(n).padStart(6, '0')}`,
      conversationId: `CH${n}`,
      kind: model.random() < 0.8 ? 'call' : 'clip',
      agentIdentity: `agent${agent}`,
      agentName: `Agent ${agent}`,
      customerName: 'Customer',
      endedAt: new Date(START + Math.floor(model.random() * YEAR_MS)).toISOString(),
      durationSeconds: Math.round(20 + model.random() * 1500),
      state: r < 0.9 ? 'ready' : r < 0.95 ? 'processing' : r < 0.98 ? 'failed' : 'not_recorded',
      hasTranscript: r < 0.9,
    };
    out.push({ record, lines: record.hasTranscript ? model.transcript(WORDS - 40 + Math.floor(model.random() * 80)) : [] });
  }
  return out;
}

async function seed(store: SqlStore, data: ReturnType<typeof recordings>, concurrency: number): Promise<void> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < data.length) {
        const { record, lines } = data[next++];
        await store.library.upsert(record);
        if (lines.length) await store.library.replaceLines(record.recordingId, lines);
      }
    }),
  );
  log(`${store.engine}: seeded ${data.length} recordings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** 200 varied searches: common, mid and rare words, phrases, misses, syntax, filters, page 2, agents. */
function searchRequests(model: TranscriptModel): { staff: StaffIdentity; request: SearchTranscriptsRequest; page2?: boolean }[] {
  const v = model.vocabulary;
  const common = v.slice(0, 15);
  const mid = v.slice(15, 120);
  const rare = v.slice(120);
  const out = [];
  for (let i = 0; i < QUERIES; i++) {
    const kind = i % 10;
    let query: string;
    if (kind <= 1) query = model.pick(common);
    else if (kind <= 3) query = model.pick(mid);
    else if (kind === 4) query = model.pick(rare);
    else if (kind === 5) query = `${model.pick(mid)} ${model.pick(mid)}`;
    else if (kind === 6) query = String(10_000 + Math.floor(model.random() * 900_000));
    else if (kind === 7) query = `${model.pick(common)} ${model.pick(rare)} ${model.pick(mid)}`;
    else if (kind === 8) query = model.pick(['zyxwv', 'refund" OR *', 'NEAR(router modem)', "o'brien", 'wifi:password', 'cancel -subscription']);
    else query = model.pick(mid);
    const filtered = i % 3 === 0;
    const request: SearchTranscriptsRequest = {
      query,
      ...(filtered && i % 2 === 0 ? { from: '2026-03-01', to: '2026-06-30' } : {}),
      ...(filtered && i % 2 === 1 ? { kind: 'call' as const, minSeconds: 300 } : {}),
    };
    const staff = i % 4 === 3 ? agentOf(1 + (i % AGENTS)) : supervisor;
    out.push({ staff, request, page2: i % 7 === 0 });
  }
  return out;
}

function listRequests(model: TranscriptModel): { staff: StaffIdentity; request: ListRecordingsRequest; page2?: boolean }[] {
  const out = [];
  for (let i = 0; i < QUERIES; i++) {
    const month = 1 + Math.floor(model.random() * 10);
    const filters: ListRecordingsRequest[] = [
      {},
      { agentIdentity: `agent${1 + (i % AGENTS)}` },
      { kind: 'clip' },
      { state: 'failed' },
      { from: `2026-${String(month).padStart(2, '0')}-01`, to: `2026-${String(month + 1).padStart(2, '0')}-15` },
      { minSeconds: 600, maxSeconds: 900 },
      { kind: 'call', state: 'ready', minSeconds: 1200 },
      { agentIdentity: `agent${1 + (i % AGENTS)}`, from: '2026-05-01', kind: 'call' },
    ];
    const staff = i % 5 === 4 ? agentOf(1 + (i % AGENTS)) : supervisor;
    const request = filters[i % filters.length];
    out.push({ staff, request: staff === supervisor ? request : { ...request, agentIdentity: undefined }, page2: i % 6 === 0 });
  }
  return out;
}

async function timed<R extends { cursor?: string }, T extends { nextCursor?: string }>(
  label: string,
  runs: { staff: StaffIdentity; request: R; page2?: boolean }[],
  call: (staff: StaffIdentity, request: R) => Promise<T>,
  count: (t: T) => number,
): Promise<number[]> {
  for (const r of runs.slice(0, 20)) await call(r.staff, r.request); // warm-up: caches and plans
  const samples: number[] = [];
  let found = 0;
  for (const r of runs) {
    let request = r.request;
    if (r.page2) {
      const first = await call(r.staff, request);
      if (first.nextCursor) request = { ...request, cursor: first.nextCursor };
    }
    const t0 = performance.now();
    const result = await call(r.staff, request);
    samples.push(performance.now() - t0);
    found += count(result);
  }
  log(`${label}: ${runs.length} requests, ${found} results, median ${median(samples).toFixed(1)} ms, p95 ${p95(samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`);
  return samples;
}

async function measure(store: SqlStore, model: TranscriptModel) {
  const deps: LibraryDeps = {
    config: { LINK_SIGNING_SECRET: 'bench-link-secret-that-is-long-enough-0123' },
    pipeline: {
      library: store.library,
      artifacts: {
        urls: (id: string) => ({ mediaUrl: `/m/${id}`, captionsUrl: `/c/${id}`, transcriptUrl: `/t/${id}` }),
        write: async () => undefined,
        read: async () => null,
        videoUrl: async () => '',
      },
    },
  };
  const search = await timed(`${store.engine} search`, searchRequests(model), (s, r) => searchTranscripts(deps, s, r), (r) => r.hits.length);
  const list = await timed(`${store.engine} list`, listRequests(model), (s, r) => listRecordings(deps, s, r), (r) => r.items.length);
  return { search, list };
}

async function main(): Promise<void> {
  const data = recordings(transcriptModel(20261121));
  log(`generated ${data.length} recordings, ${data.reduce((n, d) => n + d.lines.reduce((w, l) => w + l.text.split(' ').length, 0), 0)} words`);
  const dir = mkdtempSync(join(tmpdir(), 've-bench-search-'));
  const handle = openDb(join(dir, 'store.sqlite'));
  const pg = await startPostgresServer();
  try {
    const sqlite = await openSqliteStore(handle);
    // Seeding is not what is measured: no fsync per recording while it loads.
    handle.pragma('synchronous = OFF');
    await seed(sqlite, data, 1);
    handle.pragma('synchronous = NORMAL');
    handle.exec('PRAGMA optimize');
    const postgres = await openPostgresStore(await pg.createDatabase('bench'), { max: 4 });
    await seed(postgres, data, 4);
    // As autovacuum would have by now on a live database: planner statistics.
    await sql`ANALYZE`.execute(postgres.db);
    const s = await measure(sqlite, transcriptModel(7));
    const p = await measure(postgres, transcriptModel(7));
    await postgres.close();
    await sqlite.close();
    const listSqlite = p95(s.list);
    const listPostgres = p95(p.list);
    for (const line of [
      figureLine('search_p95_ms_sqlite', p95(s.search), 'ms'),
      figureLine('search_p95_ms_postgres', p95(p.search), 'ms'),
      figureLine('list_p95_ms', Math.max(listSqlite, listPostgres), 'ms'),
      figureLine('list_p95_ms_sqlite', listSqlite, 'ms'),
      figureLine('list_p95_ms_postgres', listPostgres, 'ms'),
      figureLine('search_median_ms_sqlite', median(s.search), 'ms'),
      figureLine('search_median_ms_postgres', median(p.search), 'ms'),
    ]) {
      process.stdout.write(`${line}\n`);
    }
  } finally {
    handle.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench:search failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
