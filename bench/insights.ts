/**
 * `npm run bench:insights`: the supervisors' dashboard at 100,000 tickets and 2,000,000 support
 * events. Generates a year of tickets (fixed seed), each as a list of events; its summary row comes
 * from the store's own `summarizeTicket`, so rows and events agree. Both are bulk-loaded straight
 * into the two tables, and the day rollup rebuilt from the rows (`rebuildSupportDays`) (multi-row INSERTs in transactions: append() per event would take hours),
 * into SQLite (a WAL file) and into a private PostgreSQL 15 started for the run. Then times, on
 * each engine, the dashboard's calls through the store: report() over a 30-day range, over the
 * whole year, for one agent, for one team, and an export page of 500 (first and later pages).
 *
 *   insights_p95_ms_sqlite, insights_p95_ms_postgres   p95 over every call above (goal ≤ 100 ms)
 *   insights_naive_p95_ms_sqlite                        the baseline, same run: the same reports
 *                                                       worked out in TypeScript from every ticket row
 *   insights_naive_ratio_sqlite                         naive p95 ÷ SQL p95 on SQLite
 *   insights_events_scan_ms_sqlite                      one report with no summary table at all:
 *                                                       every event read and summarised (context)
 *   support_append_p95_ms_sqlite, _postgres             what the summary and rollup cost each append (context)
 *
 * The naive reports must equal the SQL ones (checked), and the event scan must reproduce the
 * summary rows' sums. Samples and progress go to stderr, figure lines to stdout.
 */
import '../tests/support/quiet-logs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { openDb } from '../src/adapters/local/db';
import { openPostgresStore, openSqliteStore, type SqlStore } from '../src/adapters/sql/database';
import type { SupportTicketsTable } from '../src/adapters/sql/schema';
import { rebuildSupportDays } from '../src/adapters/sql/sql-support-days';
import { reportFromSums, type GroupSums } from '../src/adapters/sql/sql-support-metrics';
import { addInto, emptySums, SUM_NAMES, ticketSums } from '../src/adapters/sql/support-sums';
import { summarizeTicket, type TicketSummary } from '../src/adapters/sql/support-ticket-summary';
import { ticketExportCursor } from '../src/domain/ticket-export-cursor';
import type { InsightsFilter, InsightsReport, RoiAssumptions } from '../src/domain/insights';
import { ONCE_PER_TICKET, sideOf, type SupportEvent, type SupportEventRecord } from '../src/domain/support-events';
import { startPostgresServer } from '../tests/support/postgres-server';
import { figureLine, median } from './support/figures';
import { seeded } from './support/transcript-model';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const EVENTS_PER_TICKET = 20; // 2,000,000 events at the default
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 25);
const AGENTS = 40;
const TEAMS = 8;
const START = Date.UTC(2025, 11, 1);
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const ROI: RoiAssumptions = { minutesPerMessage: 2.5, costPerMinute: 0.75 };
const ZONES = ['Europe/Paris', 'Europe/London', 'America/New_York', 'America/Chicago', 'Asia/Kolkata', 'Asia/Tokyo'];
const log = (line: string) => process.stderr.write(`bench:insights ${line}\n`);
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

interface Generated {
  events: SupportEventRecord[];
  tickets: TicketSummary[];
}

/** A year of tickets, exactly EVENTS_PER_TICKET events each: about a third use video. */
function generate(random: () => number): Generated {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const events: SupportEventRecord[] = [];
  const tickets: TicketSummary[] = [];
  let eventNo = 0;
  for (let n = 0; n < TICKETS; n++) {
    const conversationId = `CH${String(n).padStart(7, '0')}`;
    const agentNo = Math.floor(random() * AGENTS);
    let t = START + Math.floor(random() * YEAR_MS);
    const steps: SupportEvent[] = [{ kind: 'message', side: 'customer', hasMedia: random() < 0.2 }];
    steps.push({ kind: 'agent_joined', agent: `agent${agentNo}`, team: `team${agentNo % TEAMS}` });
    if (random() < 0.7) steps.push({ kind: 'time_zone', side: 'customer', zone: pick(ZONES) });
    if (random() < 0.7) steps.push({ kind: 'time_zone', side: 'agent', zone: pick(ZONES) });
    if (random() < 0.25) steps.push({ kind: 'suggestion_shown', reasons: ['many_exchanges'] });
    const video = random() < 0.35;
    if (video) {
      if (random() < 0.5) {
        steps.push({ kind: 'video_offered', medium: 'call', viaSuggestion: random() < 0.5 }, { kind: 'call_started', callId: `EV${n}` });
        steps.push({ kind: 'call_ended', callId: `EV${n}`, seconds: Math.round(60 + random() * 900) });
      } else {
        const side = random() < 0.5 ? 'customer' : 'agent';
        const clipId = `clip${n}`;
        steps.push({ kind: 'clip_sent', side, clipId, seconds: Math.round(5 + random() * 170) });
        const viewer = side === 'customer' ? 'agent' : 'customer';
        steps.push({ kind: 'clip_watched', side: viewer, clipId, completed: random() < 0.9 });
      }
    } else if (random() < 0.3) {
      steps.push({ kind: 'suggestion_dismissed' });
    }
    const resolvedToo = random() < 0.85;
    const tail: SupportEvent[] = resolvedToo ? [{ kind: 'resolved', by: `agent${agentNo}`, source: 'agent' }] : [];
    if (resolvedToo && random() < 0.6) tail.push({ kind: 'confirmed', solved: random() < 0.9 });
    if (resolvedToo && random() < 0.5) tail.push({ kind: 'csat', score: 1 + Math.floor(random() * 5) });
    const reopened = resolvedToo && random() < 0.08;
    // Messages fill the ticket up to its event count; text tickets take more of them.
    const messages = EVENTS_PER_TICKET - steps.length - tail.length - (reopened ? 1 : 0);
    for (let i = 0; i < messages; i++) steps.push({ kind: 'message', side: i % 2 ? 'customer' : 'agent', hasMedia: false });
    steps.push(...tail);
    if (reopened) steps.push({ kind: 'message', side: 'customer', hasMedia: false });

    const records: SupportEventRecord[] = steps.map((event) => {
      t += Math.floor(30_000 + random() * (video ? 240_000 : 600_000));
      return { id: `SE${String(eventNo++).padStart(32, '0')}`, conversationId, at: new Date(t).toISOString(), event };
    });
    events.push(...records);
    tickets.push(summarizeTicket(conversationId, records)!);
  }
  return { events, tickets };
}

const eventRow = (e: SupportEventRecord) => [
  e.id,
  e.conversationId,
  e.event.kind,
  e.at,
  sideOf(e.event),
  JSON.stringify(e.event),
  ONCE_PER_TICKET.has(e.event.kind) ? e.event.kind : null,
];
const EVENT_COLUMNS = ['id', 'conversation_id', 'kind', 'at', 'side', 'event_json', 'once_key'];
const TICKET_COLUMNS = Object.keys(summarizeTicket('x', [{ id: 'e', conversationId: 'x', at: new Date(0).toISOString(), event: { kind: 'suggestion_dismissed' } }])!) as (keyof TicketSummary)[];
const ticketRow = (s: TicketSummary) => TICKET_COLUMNS.map((c) => s[c]);

/** SQLite: one prepared multi-row INSERT per batch size, all in one transaction. */
function loadSqlite(handle: BetterSqlite3.Database, table: string, columns: string[], rows: unknown[][]): void {
  const BATCH = 500;
  const statement = (n: number) =>
    handle.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`);
  const full = statement(BATCH);
  handle.transaction(() => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      (batch.length === BATCH ? full : statement(batch.length)).run(batch.flat());
    }
  })();
}

/** PostgreSQL: multi-row INSERTs from column arrays (unnest), 10,000 rows a statement, one transaction. */
async function loadPostgres(store: SqlStore, table: string, columns: string[], types: string[], rows: unknown[][]): Promise<void> {
  const BATCH = 10_000;
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const arrays = columns.map((_, c) => batch.map((r) => r[c]));
      const unnest = sql.join(arrays.map((a, c) => sql`${a}::${sql.raw(types[c]!)}[]`));
      await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${unnest})`.execute(trx);
    }
  });
}

const TICKET_TYPES: Record<keyof TicketSummary, string> = {
  conversation_id: 'text', opened_at: 'text', agent: 'text', team: 'text', video_used: 'int', customer_messages: 'int',
  agent_messages: 'int', calls: 'int', call_seconds: 'float8', customer_clips: 'int', agent_clips: 'int',
  customer_clip_seconds: 'float8', agent_clip_seconds: 'float8', customer_clips_watched_by_agent: 'int',
  agent_clips_watched_by_customer: 'int', resolved_at: 'text', resolutions: 'int', resolution_seconds: 'float8', reopened: 'int',
  confirmed_solved: 'int', resolved: 'int', first_contact_resolution: 'int', csat: 'int', customer_time_zone: 'text',
  agent_time_zone: 'text', suggestions_shown: 'int', suggestions_accepted: 'int', suggestions_dismissed: 'int',
};

async function load(store: SqlStore, handle: BetterSqlite3.Database | null, data: Generated): Promise<void> {
  const t0 = performance.now();
  const events = data.events.map(eventRow);
  const tickets = data.tickets.map(ticketRow);
  if (handle) {
    handle.pragma('synchronous = OFF');
    loadSqlite(handle, 've_support_events', EVENT_COLUMNS, events);
    loadSqlite(handle, 've_support_tickets', TICKET_COLUMNS, tickets);
    await rebuildSupportDays(store.db);
    handle.pragma('synchronous = NORMAL');
    handle.exec('ANALYZE');
  } else {
    await loadPostgres(store, 've_support_events', EVENT_COLUMNS, EVENT_COLUMNS.map(() => 'text'), events);
    await loadPostgres(store, 've_support_tickets', TICKET_COLUMNS, TICKET_COLUMNS.map((c) => TICKET_TYPES[c]), tickets);
    await rebuildSupportDays(store.db);
    // As autovacuum would have by now on a live database: planner statistics, visibility map.
    await sql`VACUUM ANALYZE ve_support_tickets`.execute(store.db);
    await sql`VACUUM ANALYZE ve_support_days`.execute(store.db);
    await sql`ANALYZE ve_support_events`.execute(store.db);
  }
  log(`${store.engine}: loaded ${events.length} events, ${tickets.length} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

type Call = { label: string; run: (store: SqlStore) => Promise<unknown>; report?: InsightsFilter };

/** The dashboard's calls, SAMPLES of each kind, over varied ranges, agents and teams. */
function calls(random: () => number): Call[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  const whole: InsightsFilter = { from: iso(START), to: iso(START + YEAR_MS + 30 * DAY_MS) };
  const out: Call[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const from = START + Math.floor(random() * (YEAR_MS - 30 * DAY_MS));
    const month: InsightsFilter = { from: iso(from), to: iso(from + 30 * DAY_MS) };
    const agent = { ...whole, agent: `agent${Math.floor(random() * AGENTS)}` };
    const team = { ...whole, team: `team${Math.floor(random() * TEAMS)}` };
    out.push({ label: 'report_30d', run: (s) => s.supportEvents.report(month, ROI), report: month });
    out.push({ label: 'report_all', run: (s) => s.supportEvents.report(whole, ROI), report: whole });
    out.push({ label: 'report_agent', run: (s) => s.supportEvents.report(agent, ROI), report: agent });
    out.push({ label: 'report_team', run: (s) => s.supportEvents.report(team, ROI), report: team });
    out.push({
      label: 'export_500',
      run: async (s) => {
        // Every other sample a later page: the keyset cursor, not an offset.
        const first = await s.supportEvents.exportTickets(month, { limit: 500 });
        if (i % 2 === 0 || first.length < 500) return first;
        return s.supportEvents.exportTickets(month, { limit: 500, after: ticketExportCursor(first[first.length - 1]!) });
      },
    });
  }
  return out;
}

/** What the log costs its writers: appends to existing tickets (lock, insert, recompute, rollup). */
async function timeAppends(store: SqlStore, random: () => number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const conversationId = `CH${String(Math.floor(random() * TICKETS)).padStart(7, '0')}`;
    const t0 = performance.now();
    await store.supportEvents.append(conversationId, { kind: 'message', side: 'agent', hasMedia: false }, new Date(START + YEAR_MS + i * 1000));
    samples.push(performance.now() - t0);
  }
  log(`${store.engine} append: 200 to existing tickets, median ${median(samples).toFixed(1)} ms, p95 ${p95(samples).toFixed(1)} ms`);
  return samples;
}

async function timeCalls(store: SqlStore, list: Call[]): Promise<number[]> {
  for (const c of list.slice(0, 10)) await c.run(store); // warm-up: caches and plans
  const byLabel = new Map<string, number[]>();
  const samples: number[] = [];
  for (const c of list) {
    const t0 = performance.now();
    await c.run(store);
    const ms = performance.now() - t0;
    samples.push(ms);
    byLabel.set(c.label, [...(byLabel.get(c.label) ?? []), ms]);
  }
  for (const [label, s] of byLabel) log(`${store.engine} ${label}: median ${median(s).toFixed(1)} ms, p95 ${p95(s).toFixed(1)} ms, max ${Math.max(...s).toFixed(1)} ms`);
  return samples;
}

/** The baseline: every ticket row read, filtered and summed in TypeScript. */
function naiveReport(rows: readonly SupportTicketsTable[], filter: InsightsFilter): InsightsReport {
  const groups = new Map<string, GroupSums>();
  const agents = new Set<string>();
  const teams = new Set<string>();
  for (const r of rows) {
    if (r.opened_at < filter.from || r.opened_at >= filter.to) continue;
    if (r.agent !== null) agents.add(r.agent);
    if (r.team !== null) teams.add(r.team);
    if (filter.agent !== undefined && r.agent !== filter.agent) continue;
    if (filter.team !== undefined && r.team !== filter.team) continue;
    const key = `${r.opened_at.slice(0, 7)}/${r.video_used}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { month: r.opened_at.slice(0, 7), video: r.video_used === 1, sums: emptySums() }));
    addInto(g.sums, ticketSums(r));
  }
  return reportFromSums(filter, ROI, [...groups.values()], { agents: [...agents].sort(), teams: [...teams].sort() });
}

/** 20 of the reports (5 of each kind): each reads all 100,000 rows, so more would only take longer. */
async function timeNaive(store: SqlStore, list: Call[]): Promise<number[]> {
  const samples: number[] = [];
  for (const c of list.filter((x) => x.report).slice(0, 20)) {
    if (!c.report) continue;
    const t0 = performance.now();
    const rows = await store.db.selectFrom('ve_support_tickets').selectAll().execute();
    const naive = naiveReport(rows, c.report);
    samples.push(performance.now() - t0);
    const fromSql = await store.supportEvents.report(c.report, ROI);
    if (!isDeepStrictEqual(naive, fromSql)) throw new Error(`naive and SQL reports differ for ${JSON.stringify(c.report)}`);
  }
  log(`${store.engine} naive: ${samples.length} reports, all equal to SQL's, median ${median(samples).toFixed(1)} ms, p95 ${p95(samples).toFixed(1)} ms`);
  return samples;
}

/** No summary table at all: read every event, summarise each ticket, sum. Once; checks the table too. */
async function eventScan(store: SqlStore, tickets: readonly TicketSummary[]): Promise<number> {
  const t0 = performance.now();
  const rows = await store.db.selectFrom('ve_support_events').select(['id', 'conversation_id', 'at', 'event_json']).orderBy('conversation_id').execute();
  const fromEvents = emptySums();
  let batch: SupportEventRecord[] = [];
  const flush = () => {
    if (batch.length) addInto(fromEvents, ticketSums(summarizeTicket(batch[0]!.conversationId, batch)!));
    batch = [];
  };
  for (const r of rows) {
    if (batch.length && batch[0]!.conversationId !== r.conversation_id) flush();
    batch.push({ id: r.id, conversationId: r.conversation_id, at: r.at, event: JSON.parse(r.event_json) as SupportEvent });
  }
  flush();
  const ms = performance.now() - t0;
  const fromTable = emptySums();
  for (const t of tickets) addInto(fromTable, ticketSums(t));
  for (const n of SUM_NAMES) {
    if (Math.abs(fromEvents[n] - fromTable[n]) > 1e-6) throw new Error(`event scan and summary rows differ on ${n}`);
  }
  log(`${store.engine} event scan: ${rows.length} events in ${ms.toFixed(0)} ms, sums equal to the summary rows'`);
  return ms;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const data = generate(seeded(20261209));
  log(`generated ${data.tickets.length} tickets, ${data.events.length} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const dir = mkdtempSync(join(tmpdir(), 've-bench-insights-'));
  const handle = openDb(join(dir, 'store.sqlite'));
  const pg = await startPostgresServer();
  try {
    const sqlite = await openSqliteStore(handle);
    await load(sqlite, handle, data);
    const sqliteSamples = await timeCalls(sqlite, calls(seeded(7)));
    const naiveSamples = await timeNaive(sqlite, calls(seeded(7)));
    const scanMs = await eventScan(sqlite, data.tickets);
    const sqliteAppends = await timeAppends(sqlite, seeded(11));
    await sqlite.close();

    const postgres = await openPostgresStore(await pg.createDatabase('bench'), { max: 4 });
    await load(postgres, null, data);
    const postgresSamples = await timeCalls(postgres, calls(seeded(7)));
    const postgresAppends = await timeAppends(postgres, seeded(11));
    await postgres.close();

    for (const line of [
      figureLine('insights_p95_ms_sqlite', p95(sqliteSamples), 'ms'),
      figureLine('insights_p95_ms_postgres', p95(postgresSamples), 'ms'),
      figureLine('insights_naive_p95_ms_sqlite', p95(naiveSamples), 'ms'),
      figureLine('insights_naive_ratio_sqlite', p95(naiveSamples) / p95(sqliteSamples), 'ratio'),
      figureLine('insights_events_scan_ms_sqlite', scanMs, 'ms'),
      figureLine('insights_median_ms_sqlite', median(sqliteSamples), 'ms'),
      figureLine('insights_median_ms_postgres', median(postgresSamples), 'ms'),
      figureLine('support_append_p95_ms_sqlite', p95(sqliteAppends), 'ms'),
      figureLine('support_append_p95_ms_postgres', p95(postgresAppends), 'ms'),
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
  process.stderr.write(`bench:insights failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
