import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { InsightsFilter, InsightsReport, RoiAssumptions, TicketExportRow } from '../../domain/insights';
import { ONCE_PER_TICKET, sideOf, type SupportEvent, type SupportEventRecord } from '../../domain/support-events';
import type { SupportEventStore } from '../../ports/support-event-store';
import type { StoreTables } from './schema';
import { applyDayDeltas, dayDeltas } from './sql-support-days';
import { exportTicketRows, supportReport } from './sql-support-metrics';
import { summarizeTicket, type TicketSummary } from './support-ticket-summary';

type Db = Kysely<StoreTables> | Transaction<StoreTables>;

/**
 * The support event log (0017) and its per-ticket summary, the same SQL on both engines. Every
 * write takes the ticket's summary row first (an upsert, which locks it on PostgreSQL; SQLite has
 * one writer), then changes the events and recomputes the row from all of them: two appends to
 * one ticket cannot each recompute without the other's event. The day rollup moves in the same
 * transaction by the difference between the ticket's summary before and after.
 */
let appended = 0;
/**
 * Ids sort in the order this process appended them (time, then a counter, then randomness), so a
 * ticket's events read back in order even when they share a millisecond (list orders by at, id):
 * the suggestion rules read "dismissed, then asked for video" differently from the reverse.
 */
const eventId = (at: Date): string =>
  `SE${String(at.getTime()).padStart(15, '0')}${String(++appended % 1e9).padStart(9, '0')}${randomUUID().replace(/-/g, '').slice(0, 12)}`;

export class SqlSupportEvents implements SupportEventStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async append(conversationId: string, event: SupportEvent, at: Date): Promise<{ appended: boolean; record: SupportEventRecord | null }> {
    const record: SupportEventRecord = { id: eventId(at), conversationId, at: at.toISOString(), event };
    return this.db.transaction().execute(async (trx) => {
      await writeSummary(trx, summarizeTicket(conversationId, [record])!, 'keep');
      const inserted = await trx
        .insertInto('ve_support_events')
        .values({
          id: record.id,
          conversation_id: conversationId,
          kind: event.kind,
          at: record.at,
          side: sideOf(event),
          event_json: JSON.stringify(event),
          once_key: ONCE_PER_TICKET.has(event.kind) ? event.kind : null,
        })
        .onConflict((oc) => oc.columns(['conversation_id', 'once_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // A repeat can only meet an existing ticket, whose row the upsert above left as it was.
      if (!inserted) return { appended: false, record: null };
      const events = await listEvents(trx, conversationId);
      const before = events.filter((e) => e.id !== record.id);
      await recompute(trx, conversationId, summarizeTicket(conversationId, before), events);
      return { appended: true, record };
    });
  }

  async list(conversationId: string): Promise<SupportEventRecord[]> {
    return listEvents(this.db, conversationId);
  }

  async eraseCustomer(conversationId: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      // Lock the summary row (if any) before reading the events, as append does.
      await trx.updateTable('ve_support_tickets').set({ conversation_id: conversationId }).where('conversation_id', '=', conversationId).execute();
      const events = await listEvents(trx, conversationId);
      const r = await trx.deleteFrom('ve_support_events').where('conversation_id', '=', conversationId).where('side', '=', 'customer').executeTakeFirst();
      const erased = Number(r.numDeletedRows);
      if (erased > 0) {
        const left = events.filter((e) => sideOf(e.event) !== 'customer');
        await recompute(trx, conversationId, summarizeTicket(conversationId, events), left);
      }
      return erased;
    });
  }

  async report(filter: InsightsFilter, roi: RoiAssumptions): Promise<InsightsReport> {
    return supportReport(this.db, filter, roi);
  }

  async exportTickets(filter: InsightsFilter, page: { limit: number; after?: string }): Promise<TicketExportRow[]> {
    return exportTicketRows(this.db, filter, page);
  }
}

async function listEvents(db: Db, conversationId: string): Promise<SupportEventRecord[]> {
  const rows = await db
    .selectFrom('ve_support_events')
    .select(['id', 'conversation_id', 'at', 'event_json'])
    .where('conversation_id', '=', conversationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, at: r.at, event: JSON.parse(r.event_json) as SupportEvent }));
}

/**
 * The ticket's row from its events as they now are (no events left, no row), and the day rollup
 * moved from its summary before the change to after. `before` is worked out from the events, not
 * read from the row, which append may just have made as a placeholder to lock.
 */
async function recompute(
  trx: Transaction<StoreTables>,
  conversationId: string,
  before: TicketSummary | null,
  events: readonly SupportEventRecord[],
): Promise<void> {
  const after = summarizeTicket(conversationId, events);
  if (after) await writeSummary(trx, after, 'replace');
  else await trx.deleteFrom('ve_support_tickets').where('conversation_id', '=', conversationId).execute();
  await applyDayDeltas(trx, dayDeltas(before, after));
}

/** Inserts the row, or on an existing one either replaces it or leaves it as it is (still locking it). */
async function writeSummary(trx: Transaction<StoreTables>, summary: TicketSummary, existing: 'replace' | 'keep'): Promise<void> {
  const { conversation_id: _key, ...columns } = summary;
  await trx
    .insertInto('ve_support_tickets')
    .values(summary)
    .onConflict((oc) =>
      oc.column('conversation_id').doUpdateSet(existing === 'replace' ? columns : { conversation_id: (eb) => eb.ref('ve_support_tickets.conversation_id') }),
    )
    .execute();
}
