import type { InsightsFilter, InsightsReport, RoiAssumptions, TicketExportRow } from '../domain/insights';
import type { SupportEvent, SupportEventRecord } from '../domain/support-events';

/** The support event log and the metrics over it. Both engines: the SQL store. */
export interface SupportEventStore {
  /**
   * Appends one event at `at`. Kinds in ONCE_PER_TICKET are kept once per conversation: a repeat
   * returns `appended: false` and changes nothing. Keeps the ticket's summary row in step.
   */
  append(conversationId: string, event: SupportEvent, at: Date): Promise<{ appended: boolean; record: SupportEventRecord | null }>;
  /** A ticket's events, oldest first. */
  list(conversationId: string): Promise<SupportEventRecord[]>;
  /** Erasure: removes the customer's events of this conversation (messages, clips, views, answers, zone); returns how many went. */
  eraseCustomer(conversationId: string): Promise<number>;
  /** The dashboard: every metric in the filter, beside its target. */
  report(filter: InsightsFilter, roi: RoiAssumptions): Promise<InsightsReport>;
  /** The exports: tickets opened in the filter's range, oldest first, `limit` at most after the cursor. */
  exportTickets(filter: InsightsFilter, page: { limit: number; after?: string }): Promise<TicketExportRow[]>;
}
