import type { InsightsFilter, InsightsReport, RoiAssumptions, TicketExportRow } from '../../../../domain/insights';
import type { SupportEventStore } from '../../../../ports/support-event-store';

/** The tests' store for the dashboard and the exports: canned tickets, each call kept. */
export class FakeInsightsStore implements Pick<SupportEventStore, 'report' | 'exportTickets'> {
  readonly reports: { filter: InsightsFilter; roi: RoiAssumptions }[] = [];
  readonly pages: { filter: InsightsFilter; page: { limit: number; after?: string } }[] = [];
  constructor(private readonly tickets: TicketExportRow[] = []) {}

  async report(filter: InsightsFilter, roi: RoiAssumptions): Promise<InsightsReport> {
    this.reports.push({ filter, roi });
    return { filter, metrics: [{ key: 'tickets', label: 'Tickets', unit: 'count', value: this.tickets.length }], monthly: [], agents: [], teams: [] };
  }

  /** Like the SQL store: ordered by (opened_at, conversation_id), `limit` rows after the cursor's position. */
  async exportTickets(filter: InsightsFilter, page: { limit: number; after?: string }): Promise<TicketExportRow[]> {
    this.pages.push({ filter, page });
    const [openedAt, id] = page.after ? (JSON.parse(Buffer.from(page.after, 'base64url').toString('utf8')) as [string, string]) : ['', ''];
    return [...this.tickets]
      .sort((a, b) => (a.opened_at === b.opened_at ? a.conversation_id.localeCompare(b.conversation_id) : a.opened_at < b.opened_at ? -1 : 1))
      .filter((t) => t.opened_at > openedAt || (t.opened_at === openedAt && t.conversation_id > id))
      .slice(0, page.limit);
  }
}

/** A ticket row with every column set; override what the test is about. */
export const ticketRow = (overrides: Partial<TicketExportRow> = {}): TicketExportRow => ({
  conversation_id: 'CH1',
  opened_at: '2026-11-02T09:00:00.000Z',
  agent: 'alex',
  team: 'Support',
  video_used: true,
  calls: 1,
  call_seconds: 300,
  customer_clips: 2,
  agent_clips: 1,
  customer_messages: 4,
  agent_messages: 5,
  resolved_at: '2026-11-02T10:30:00.000Z',
  first_contact_resolution: true,
  confirmed_solved: null,
  csat: null,
  customer_time_zone: 'Europe/Paris',
  agent_time_zone: 'America/New_York',
  suggestions_shown: 1,
  suggestions_accepted: 0,
  ...overrides,
});
