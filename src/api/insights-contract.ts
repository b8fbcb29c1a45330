import type { InsightsFilter, InsightsReport, Metric, MetricKey, MetricTarget, MetricUnit, MonthlyVolume, TicketExportRow } from '../domain/insights';

export type { InsightsFilter, InsightsReport, Metric, MetricKey, MetricTarget, MetricUnit, MonthlyVolume, TicketExportRow };

/**
 * The supervisors' video insights (#20) as the Functions answer them and every page reads them.
 * Staff calls carry the supervisor's token: the Flex way (`Token` in the body) from the pages,
 * or `Authorization: Bearer` from a BI tool.
 */

/** POST /insights (supervisors): the dashboard's report. `from` inclusive, `to` exclusive, ISO 8601; at most 400 days. */
export type InsightsRequest = InsightsFilter;
export type InsightsResponse = InsightsReport;

/**
 * GET or POST /insights-export (supervisors): tickets opened in the range, oldest first, a page at a
 * time (docs/insights-export.md). CSV answers `text/csv` with the next page's cursor in the
 * `X-Next-Cursor` header (absent on the last page); JSON answers InsightsExportJson.
 */
export interface InsightsExportRequest extends InsightsFilter {
  /** Default `csv`. */
  format?: 'csv' | 'json';
  /** The previous page's `next` (JSON) or `X-Next-Cursor` (CSV). */
  cursor?: string;
  /** Rows per page: default 1000, at most 5000. */
  limit?: number;
}

export interface InsightsExportJson {
  rows: TicketExportRow[];
  /** The cursor of the next page; null on the last. */
  next: string | null;
}

/** The CSV answer's header naming the next page's cursor (exposed to browsers by CORS). */
export const NEXT_CURSOR_HEADER = 'X-Next-Cursor';
