import React, { useState } from 'react';
import type { InsightsFilter } from '../../api/insights-contract';
import type { InsightsApi } from '../api/insights-api';

/** Saves the range's tickets as a CSV file (the BI export, every page joined), and says how it went. */
export function DownloadCsvButton({ api, filter }: { api: Pick<InsightsApi, 'exportCsv'>; filter: InsightsFilter }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      const blob = await api.exportCsv(filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `tickets_${filter.from.slice(0, 10)}_${filter.to.slice(0, 10)}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // The browser has taken the file once the click ran.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="vx-insights__download">
      <button type="button" className="vx-button" onClick={() => void download()} disabled={state.busy} data-testid="download-csv">
        {state.busy ? 'Preparing the CSV…' : 'Download tickets (CSV)'}
      </button>
      {state.error && (
        <p role="alert" className="vx-error">
          Could not download the tickets: {state.error}
        </p>
      )}
    </div>
  );
}
