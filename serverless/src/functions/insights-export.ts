import { NEXT_CURSOR_HEADER, type InsightsExportJson } from '../../../src/api/insights-contract';
import { insightsExportInputSchema } from '../../../src/core/support/insights/insights-input';
import { insightsExport } from '../../../src/core/support/insights/insights-export';
import { downloadFunction, type DownloadAnswer } from '../lib/download-function';

/**
 * Supervisors and BI tools (Tableau, Power BI): tickets of a range as CSV (an attachment, the next
 * page's cursor in X-Next-Cursor) or JSON `{ rows, next }`. GET with `Authorization: Bearer`, or
 * POST with `Token` in the body like the pages. Columns: docs/insights-export.md.
 */
export const handler = downloadFunction({ name: 'insights-export', schema: insightsExportInputSchema }, async ({ body, backend, staff }): Promise<DownloadAnswer> => {
  const { format, cursor, limit, ...filter } = body;
  const page = await insightsExport(backend.deps, staff, { filter, format, cursor, limit });
  if (page.format === 'json') {
    const json: InsightsExportJson = { rows: page.rows, next: page.next };
    return { kind: 'json', body: json };
  }
  return {
    kind: 'file',
    contentType: 'text/csv; charset=utf-8; header=present',
    filename: page.filename,
    text: page.csv,
    headers: page.next ? { [NEXT_CURSOR_HEADER]: page.next } : undefined,
  };
});
