import { sql, type Kysely, type Transaction } from 'kysely';
import type { StoreTables } from './schema';
import { addInto, emptySums, SUM_NAMES, SUMS, ticketSums, type Sums } from './support-sums';
import type { TicketSummary } from './support-ticket-summary';

/** One row of the day rollup to move by `sums` (negative when a ticket's old row leaves it). */
export interface DayDelta {
  day: string;
  videoUsed: number;
  sums: Sums;
}

const dayOf = (t: TicketSummary): string => t.opened_at.slice(0, 10);

/**
 * What a ticket's summary changing from `before` to `after` (either absent) does to the day
 * rollup: its old share leaves its old day and group, its new share enters the new ones. Sorted by
 * key, so concurrent writers take the rollup's row locks in one order; nothing for no change.
 */
export function dayDeltas(before: TicketSummary | null, after: TicketSummary | null): DayDelta[] {
  const byKey = new Map<string, DayDelta>();
  const move = (t: TicketSummary | null, sign: 1 | -1) => {
    if (!t) return;
    const key = `${dayOf(t)}/${t.video_used}`;
    const d = byKey.get(key) ?? { day: dayOf(t), videoUsed: t.video_used, sums: emptySums() };
    addInto(d.sums, ticketSums(t), sign);
    byKey.set(key, d);
  };
  move(before, -1);
  move(after, 1);
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d)
    .filter((d) => SUM_NAMES.some((n) => d.sums[n] !== 0));
}

/** Adds each delta to its rollup row (made on first use). Rows that reach zero tickets stay, summing nothing. */
export async function applyDayDeltas(trx: Transaction<StoreTables>, deltas: readonly DayDelta[]): Promise<void> {
  for (const d of deltas) {
    await trx
      .insertInto('ve_support_days')
      .values({ day: d.day, video_used: d.videoUsed, ...d.sums })
      .onConflict((oc) =>
        oc.columns(['day', 'video_used']).doUpdateSet(
          Object.fromEntries(SUM_NAMES.map((n) => [n, sql<number>`${sql.ref(`ve_support_days.${n}`)} + ${sql.ref(`excluded.${n}`)}`])),
        ),
      )
      .execute();
  }
}

/** The rollup rebuilt from the ticket rows (bulk loads, repairs); the maintained one must equal it. */
export async function rebuildSupportDays(db: Kysely<StoreTables>): Promise<void> {
  const sums = sql.raw(SUM_NAMES.map((n) => SUMS[n]).join(', '));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('ve_support_days').execute();
    await sql`INSERT INTO ve_support_days (day, video_used, ${sql.raw(SUM_NAMES.join(', '))})
      SELECT substr(opened_at, 1, 10), video_used, ${sums} FROM ve_support_tickets
      GROUP BY substr(opened_at, 1, 10), video_used`.execute(trx);
  });
}
