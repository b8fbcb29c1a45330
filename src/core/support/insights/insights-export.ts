import type { StaffIdentity } from '../../../domain/identity';
import type { InsightsFilter, TicketExportRow } from '../../../domain/insights';
import type { SupportEventStore } from '../../../ports/support-event-store';
import { csvLine } from './csv';
import { ticketExportCursor } from '../../../domain/ticket-export-cursor';
import { requireInsightsSupervisor } from './insights-access';
import { checkedInsightsFilter } from './insights-filter';
import { inColumnOrder, TICKET_EXPORT_COLUMNS } from './ticket-export-columns';

/** Rows per page unless asked; a page never holds more than EXPORT_PAGE_LIMIT (a Function has 10 s). */
export const EXPORT_PAGE_DEFAULT = 1000;
export const EXPORT_PAGE_LIMIT = 5000;

export type ExportFormat = 'csv' | 'json';

export interface InsightsExportRequest {
  filter: InsightsFilter;
  format: ExportFormat;
  /** The `next` of the previous page; absent for the first. */
  cursor?: string;
  limit?: number;
}

/** A page of tickets: JSON `{ rows, next }`, or CSV text with its header row; `next` null on the last page. */
export type InsightsExportPage =
  | { format: 'json'; rows: TicketExportRow[]; next: string | null }
  | { format: 'csv'; csv: string; rows: number; next: string | null; filename: string };

/** The CSV header row: the column names in their published order. */
export const CSV_HEADER = csvLine(TICKET_EXPORT_COLUMNS.map((c) => c.name));

/**
 * The BI exports (#20, supervisors only): tickets opened in the range, oldest first, one page at a
 * time. A full page says there may be more (`next`); the page after the last full one may be
 * empty. Every CSV page carries the header row, so each page is a valid file on its own.
 */
export async function insightsExport(
  deps: { supportEvents: Pick<SupportEventStore, 'exportTickets'> },
  staff: StaffIdentity,
  request: InsightsExportRequest,
): Promise<InsightsExportPage> {
  requireInsightsSupervisor(staff);
  const filter = checkedInsightsFilter(request.filter);
  const limit = Math.min(Math.max(1, Math.floor(request.limit ?? EXPORT_PAGE_DEFAULT)), EXPORT_PAGE_LIMIT);
  const rows = (await deps.supportEvents.exportTickets(filter, { limit, ...(request.cursor ? { after: request.cursor } : {}) })).slice(0, limit);
  const last = rows[rows.length - 1];
  const next = rows.length === limit && last ? ticketExportCursor(last) : null;
  if (request.format === 'json') return { format: 'json', rows: rows.map(inColumnOrder), next };
  const body = rows.map((row) => csvLine(TICKET_EXPORT_COLUMNS.map((c) => row[c.name])));
  const filename = exportFilename(filter, request.cursor === undefined ? null : (rows[0]?.opened_at ?? 'end'));
  return { format: 'csv', csv: CSV_HEADER + body.join(''), rows: rows.length, next, filename };
}

/**
 * `tickets_2026-11-01_2026-12-01.csv`; a later page adds where it starts
 * (`…_from_20261105T101500Z.csv`), so saved pages never overwrite one another.
 */
function exportFilename(filter: InsightsFilter, laterPageStart: string | null): string {
  const day = (iso: string) => iso.slice(0, 10);
  const start = laterPageStart === null ? '' : `_from_${laterPageStart.replace(/\.\d+|[-:]/g, '')}`;
  return `tickets_${day(filter.from)}_${day(filter.to)}${start}.csv`;
}
