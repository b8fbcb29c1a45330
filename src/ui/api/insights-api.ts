import { NEXT_CURSOR_HEADER, type InsightsExportRequest, type InsightsFilter, type InsightsReport } from '../../api/insights-contract';
import { ApiError } from '../../client/request-json';
import { staffFunctionCall, type StaffFunctionsOptions } from './staff-functions';

/** What the supervisors' video insights ask of the Functions; the Flex view and the local page share it. */
export interface InsightsApi {
  report(filter: InsightsFilter): Promise<InsightsReport>;
  /** Every ticket of the filter as one CSV file (the export's pages joined, one header row). */
  exportCsv(filter: InsightsFilter): Promise<Blob>;
}

export type InsightsApiOptions = StaffFunctionsOptions;

/** A download stops here; past it a BI tool is the better reader (docs/insights-export.md). */
export const CSV_DOWNLOAD_MAX_PAGES = 20;
const CSV_PAGE_ROWS = 5000;

/** The insights Functions over HTTP, with the staff token sent the Flex way (`Token` in the body). */
export function httpInsightsApi(options: InsightsApiOptions): InsightsApi {
  const call = staffFunctionCall(options);
  const exportUrl = `${options.baseUrl.replace(/\/$/, '')}/insights-export`;
  const fetchImpl = options.fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  const csvPage = async (body: InsightsExportRequest): Promise<{ text: string; next: string | null }> => {
    let res: Response;
    try {
      res = await fetchImpl(exportUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body, Token: options.token() ?? '' }),
      });
    } catch {
      throw new ApiError('network', 'Could not reach the server. Check your connection and try again.', 0);
    }
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      throw new ApiError(data?.error?.code ?? 'server_error', data?.error?.message ?? `The server answered ${res.status}.`, res.status);
    }
    return { text: await res.text(), next: res.headers.get(NEXT_CURSOR_HEADER) };
  };

  return {
    report: (filter) => call('/insights', withoutBlank(filter)),
    exportCsv: async (filter) => {
      const parts: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < CSV_DOWNLOAD_MAX_PAGES; page++) {
        const { text, next } = await csvPage({ ...withoutBlank(filter), format: 'csv', limit: CSV_PAGE_ROWS, ...(cursor ? { cursor } : {}) });
        // Every page starts with the header row: keep the first page's only.
        parts.push(page === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
        if (!next) break;
        cursor = next;
      }
      return new Blob(parts, { type: 'text/csv;charset=utf-8' });
    },
  };
}

/** Unset agent and team are left out, not sent as "" (the server's "all"). */
function withoutBlank(filter: InsightsFilter): InsightsFilter {
  return { from: filter.from, to: filter.to, ...(filter.agent ? { agent: filter.agent } : {}), ...(filter.team ? { team: filter.team } : {}) };
}
