import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { InsightsFilter, InsightsReport, Metric, MetricKey, MonthlyVolume, RoiAssumptions, TicketExportRow } from '../../domain/insights';
import { DomainError } from '../../domain/errors';
import type { StoreTables } from './schema';
import { addInto, emptySums, SUM_NAMES, SUMS, type SumName, type Sums } from './support-sums';
import { readTicketExportCursor } from '../../domain/ticket-export-cursor';

/**
 * The dashboard's metrics and the ticket export, in SQL over `ve_support_tickets` (one row per
 * ticket, see support-ticket-summary.ts) and its day rollup `ve_support_days`, the same statements
 * on SQLite and PostgreSQL.
 *
 * Definitions (the dashboard and docs/insights-export.md say the same):
 * - ticket: a conversation whose first event is in [from, to) (`opened_at`), of the agent/team
 *   filtered on (the latest `agent_joined`). video ticket: ≥1 `call_started` or `clip_sent`;
 *   text ticket: the rest.
 * - adoption_rate = video tickets ÷ tickets (target ≥ 0.10).
 * - resolution_rate = resolved tickets ÷ tickets, where resolved = has a `resolved` event and the
 *   customer did not answer "no" to "did this solve it" (`confirmed` solved: false); value, video,
 *   text (target ≥ 0.88).
 * - messages_per_ticket = mean of customer + agent messages per ticket; value, video, text.
 * - time_to_resolution_hours = mean(first `resolved` − opened_at) over resolved tickets; value, video, text.
 * - csat = mean score over tickets with a score; value, video, text (target ≥ 4.8).
 * - first_contact_resolution = tickets resolved (as above) by exactly one `resolved` event and not
 *   reopened (no customer message after the last resolution) ÷ tickets; value, video, text.
 * - customer_clip_completion = agent clips the customer watched through ÷ agent clips sent
 *   (target ≥ 0.90); agent_clip_completion = customer clips an agent watched through ÷ customer
 *   clips sent (target ≥ 0.95).
 * - avg_clip_seconds_customer / _agent = mean clip length per author side.
 * - timezone_spanning_resolutions = resolved tickets whose customer and agent time zones are both
 *   known and differ (count).
 * - agent_minutes_saved = max(0, text messages_per_ticket − video messages_per_ticket)
 *   × roi.minutesPerMessage × resolved video tickets; agent_cost_saved_usd = that × roi.costPerMinute.
 *   Null when there are no video tickets or no text tickets.
 * - suggestions_shown / _accepted / _dismissed = counts of those events in the tickets.
 * - monthly: per UTC month of opened_at: tickets, video tickets, customer clips, agent clips, calls.
 * - agents, teams: the distinct non-null ones of tickets in [from, to), ignoring the agent/team filter.
 * Rates and means are null when their denominator is 0. SQL only sums and counts (exact on both
 * engines); the division and rounding happen here: ratios to 4 decimals, everything else to 2.
 */

type Db = Kysely<StoreTables>;

/** The sums of one UTC month's video (or text) tickets; a month may come in several parts. */
export interface GroupSums {
  month: string;
  video: boolean;
  sums: Sums;
}

/** The range as ISO instants like opened_at's, so text comparison is time comparison. */
function normalRange(filter: InsightsFilter): { from: string; to: string } {
  const from = Date.parse(filter.from);
  const to = Date.parse(filter.to);
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw new DomainError('invalid_request', 'invalid_request', 'The range needs two ISO-8601 times: from and to.');
  }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The whole filter over ticket rows. */
function whereTickets(filter: InsightsFilter): RawBuilder<unknown> {
  const range = normalRange(filter);
  const parts = [sql`opened_at >= ${range.from}`, sql`opened_at < ${range.to}`];
  if (filter.agent !== undefined) parts.push(sql`agent = ${filter.agent}`);
  if (filter.team !== undefined) parts.push(sql`team = ${filter.team}`);
  return sql.join(parts, sql` AND `);
}

const sumColumns = (of: (n: SumName) => string) =>
  sql.join(
    SUM_NAMES.map((n) => sql.raw(`${of(n)} AS ${n}`)),
    sql`, `,
  );

const monthGroupsFromTickets = (where: RawBuilder<unknown>) => sql<Record<string, unknown>>`
  SELECT substr(opened_at, 1, 7) AS month, video_used, ${sumColumns((n) => SUMS[n])}
  FROM ve_support_tickets WHERE ${where}
  GROUP BY substr(opened_at, 1, 7), video_used`;

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The sums per month and video/text. One agent or team: their tickets, through the (agent|team,
 * opened_at) indexes. Everyone: the whole UTC days inside the range from the day rollup, and the
 * tickets of the partial days at either end from the ticket rows.
 */
async function sumsByMonthAndGroup(db: Db, filter: InsightsFilter): Promise<GroupSums[]> {
  let query: RawBuilder<Record<string, unknown>>;
  if (filter.agent !== undefined || filter.team !== undefined) {
    query = monthGroupsFromTickets(whereTickets(filter));
  } else {
    const range = normalRange(filter);
    const fromDay = range.from.slice(0, 10);
    const firstWholeDay = range.from.endsWith('T00:00:00.000Z') ? fromDay : nextDay(fromDay);
    const endDay = range.to.slice(0, 10); // the day `to` falls in is never whole inside the range
    if (firstWholeDay >= endDay) {
      query = monthGroupsFromTickets(whereTickets(filter));
    } else {
      const head = sql`opened_at >= ${range.from} AND opened_at < ${`${firstWholeDay}T00:00:00.000Z`}`;
      const tail = sql`opened_at >= ${`${endDay}T00:00:00.000Z`} AND opened_at < ${range.to}`;
      query = sql<Record<string, unknown>>`
        SELECT substr(day, 1, 7) AS month, video_used, ${sumColumns((n) => `SUM(${n})`)}
        FROM ve_support_days WHERE day >= ${firstWholeDay} AND day < ${endDay}
        GROUP BY substr(day, 1, 7), video_used
        UNION ALL ${monthGroupsFromTickets(sql`(${head}) OR (${tail})`)}`;
    }
  }
  const { rows } = await query.execute(db);
  // pg returns COUNT and SUM of integers as bigint strings, SUM of nothing as null.
  return rows.map((r) => ({
    month: String(r.month),
    video: Number(r.video_used) === 1,
    sums: Object.fromEntries(SUM_NAMES.map((n) => [n, Number(r[n] ?? 0)])) as Sums,
  }));
}

/**
 * The distinct agents (or teams) with a ticket in the range, ignoring the agent/team filter: a
 * skip scan over the (column, opened_at) index, one probe per distinct value and one to check it
 * has a ticket in the range, rather than reading every ticket of the range.
 */
async function distinctInRange(db: Db, column: 'agent' | 'team', range: { from: string; to: string }): Promise<string[]> {
  const c = sql.ref(column);
  const tc = sql.ref(`t.${column}`);
  const { rows } = await sql<{ value: string }>`
    WITH RECURSIVE present(value) AS (
      SELECT MIN(${c}) FROM ve_support_tickets
      UNION ALL
      SELECT (SELECT MIN(${tc}) FROM ve_support_tickets t WHERE ${tc} > present.value) FROM present WHERE present.value IS NOT NULL
    )
    SELECT value FROM present WHERE value IS NOT NULL AND EXISTS (
      SELECT 1 FROM ve_support_tickets t WHERE ${tc} = present.value AND t.opened_at >= ${range.from} AND t.opened_at < ${range.to})`.execute(db);
  return rows.map((r) => r.value).sort();
}

async function staffInRange(db: Db, filter: InsightsFilter): Promise<{ agents: string[]; teams: string[] }> {
  const range = normalRange(filter);
  const [agents, teams] = await Promise.all([distinctInRange(db, 'agent', range), distinctInRange(db, 'team', range)]);
  return { agents, teams };
}

const rounded = (v: number | null, places: number): number | null => (v === null ? null : Math.round(v * 10 ** places) / 10 ** places);
const ratio = (n: number, d: number): number | null => (d === 0 ? null : rounded(n / d, 4));
const mean = (total: number, n: number): number | null => (n === 0 ? null : rounded(total / n, 2));

/** Each group's value of a metric compared between video and text tickets. */
type PerGroup = (s: Sums) => number | null;

export async function supportReport(db: Db, filter: InsightsFilter, roi: RoiAssumptions): Promise<InsightsReport> {
  const [groups, staff] = await Promise.all([sumsByMonthAndGroup(db, filter), staffInRange(db, filter)]);
  return reportFromSums(filter, roi, groups, staff);
}

/** The report from the queries' sums: the divisions, rounding, labels and targets (the bench's naive baseline reuses it). */
export function reportFromSums(
  filter: InsightsFilter,
  roi: RoiAssumptions,
  groups: readonly GroupSums[],
  staff: { agents: string[]; teams: string[] },
): InsightsReport {
  const video = emptySums();
  const text = emptySums();
  const months = new Map<string, MonthlyVolume>();
  for (const g of groups) {
    addInto(g.video ? video : text, g.sums);
    const m = months.get(g.month) ?? { month: g.month, tickets: 0, videoTickets: 0, customerClips: 0, agentClips: 0, calls: 0 };
    m.tickets += g.sums.tickets;
    if (g.video) m.videoTickets += g.sums.tickets;
    m.customerClips += g.sums.customer_clips;
    m.agentClips += g.sums.agent_clips;
    m.calls += g.sums.calls;
    months.set(g.month, m);
  }
  const all = addInto(addInto(emptySums(), video), text);

  const compared = (key: MetricKey, label: string, unit: Metric['unit'], of: PerGroup, target?: Metric['target']): Metric => ({
    key,
    label,
    unit,
    value: of(all),
    video: of(video),
    text: of(text),
    ...(target ? { target } : {}),
  });
  const single = (key: MetricKey, label: string, unit: Metric['unit'], value: number | null, target?: Metric['target']): Metric => ({
    key,
    label,
    unit,
    value,
    ...(target ? { target } : {}),
  });

  const minutesSaved = agentMinutesSaved(video, text, roi);
  const metrics: Metric[] = [
    single('tickets', 'Tickets', 'count', all.tickets),
    single('video_tickets', 'Tickets with video', 'count', video.tickets),
    single('adoption_rate', 'Video adoption', 'ratio', ratio(video.tickets, all.tickets), { direction: 'min', value: 0.1 }),
    compared('resolution_rate', 'Resolution rate', 'ratio', (s) => ratio(s.resolved, s.tickets), { direction: 'min', value: 0.88 }),
    compared('messages_per_ticket', 'Messages per ticket', 'messages', (s) => mean(s.messages, s.tickets)),
    compared('time_to_resolution_hours', 'Time to resolution', 'hours', (s) => mean(s.resolution_seconds / 3600, s.resolved)),
    compared('csat', 'Customer satisfaction (CSAT)', 'score', (s) => mean(s.csat_total, s.csat_answers), { direction: 'min', value: 4.8 }),
    compared('first_contact_resolution', 'First-contact resolution', 'ratio', (s) => ratio(s.first_contact, s.tickets)),
    single('customer_clip_completion', 'Agent clips customers watched through', 'ratio', ratio(all.agent_clips_watched, all.agent_clips), {
      direction: 'min',
      value: 0.9,
    }),
    single('agent_clip_completion', 'Customer clips agents watched through', 'ratio', ratio(all.customer_clips_watched, all.customer_clips), {
      direction: 'min',
      value: 0.95,
    }),
    single('avg_clip_seconds_customer', 'Average customer clip length', 'seconds', mean(all.customer_clip_seconds, all.customer_clips)),
    single('avg_clip_seconds_agent', 'Average agent clip length', 'seconds', mean(all.agent_clip_seconds, all.agent_clips)),
    single('timezone_spanning_resolutions', 'Resolutions across time zones', 'count', all.timezone_spanning),
    single('agent_minutes_saved', 'Agent minutes saved', 'minutes', rounded(minutesSaved, 2)),
    single('agent_cost_saved_usd', 'Agent cost saved', 'usd', rounded(minutesSaved === null ? null : minutesSaved * roi.costPerMinute, 2)),
    single('suggestions_shown', 'Video suggestions shown', 'count', all.suggestions_shown),
    single('suggestions_accepted', 'Video suggestions accepted', 'count', all.suggestions_accepted),
    single('suggestions_dismissed', 'Video suggestions dismissed', 'count', all.suggestions_dismissed),
  ];
  const monthly = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  return { filter, metrics, monthly, agents: staff.agents, teams: staff.teams };
}

/** Messages a video ticket spared, in agent minutes, over the resolved video tickets; unrounded. */
function agentMinutesSaved(video: Sums, text: Sums, roi: RoiAssumptions): number | null {
  if (video.tickets === 0 || text.tickets === 0) return null;
  const fewerMessages = Math.max(0, text.messages / text.tickets - video.messages / video.tickets);
  return fewerMessages * roi.minutesPerMessage * video.resolved;
}

const EXPORT_COLUMNS = sql.raw(`conversation_id, opened_at, agent, team, video_used, calls, call_seconds, customer_clips, agent_clips,
  customer_messages, agent_messages, resolved_at, first_contact_resolution, confirmed_solved, csat, customer_time_zone,
  agent_time_zone, suggestions_shown, suggestions_accepted`);

interface ExportSqlRow {
  conversation_id: string;
  opened_at: string;
  agent: string | null;
  team: string | null;
  video_used: number;
  calls: number;
  call_seconds: number;
  customer_clips: number;
  agent_clips: number;
  customer_messages: number;
  agent_messages: number;
  resolved_at: string | null;
  first_contact_resolution: number;
  confirmed_solved: number | null;
  csat: number | null;
  customer_time_zone: string | null;
  agent_time_zone: string | null;
  suggestions_shown: number;
  suggestions_accepted: number;
}

/** The most rows one export page holds, whatever the caller asks. */
export const EXPORT_PAGE_MAX = 5000;

/** Tickets of the filter ordered by (opened_at, conversation_id), `limit` after the cursor's position. */
export async function exportTicketRows(db: Db, filter: InsightsFilter, page: { limit: number; after?: string }): Promise<TicketExportRow[]> {
  const conditions = [whereTickets(filter)];
  if (page.after !== undefined) {
    const p = readTicketExportCursor(page.after);
    conditions.push(sql`(opened_at > ${p.openedAt} OR (opened_at = ${p.openedAt} AND conversation_id > ${p.conversationId}))`);
  }
  const limit = Math.max(1, Math.min(EXPORT_PAGE_MAX, Math.floor(page.limit)));
  const { rows } = await sql<ExportSqlRow>`
    SELECT ${EXPORT_COLUMNS} FROM ve_support_tickets
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY opened_at, conversation_id
    LIMIT ${limit}`.execute(db);
  return rows.map(toExportRow);
}

const toExportRow = (r: ExportSqlRow): TicketExportRow => ({
  conversation_id: r.conversation_id,
  opened_at: r.opened_at,
  agent: r.agent,
  team: r.team,
  video_used: Number(r.video_used) === 1,
  calls: Number(r.calls),
  call_seconds: Number(r.call_seconds),
  customer_clips: Number(r.customer_clips),
  agent_clips: Number(r.agent_clips),
  customer_messages: Number(r.customer_messages),
  agent_messages: Number(r.agent_messages),
  resolved_at: r.resolved_at,
  first_contact_resolution: Number(r.first_contact_resolution) === 1,
  confirmed_solved: r.confirmed_solved === null ? null : Number(r.confirmed_solved) === 1,
  csat: r.csat === null ? null : Number(r.csat),
  customer_time_zone: r.customer_time_zone,
  agent_time_zone: r.agent_time_zone,
  suggestions_shown: Number(r.suggestions_shown),
  suggestions_accepted: Number(r.suggestions_accepted),
});
