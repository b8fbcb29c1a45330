import React, { useCallback, useEffect, useRef, useState } from 'react';
import type { InsightsFilter, InsightsReport } from '../../api/insights-contract';
import type { InsightsApi } from '../api/insights-api';
import { useFieldIds } from '../hooks/useFieldIds';
import { DownloadCsvButton } from './DownloadCsvButton';
import { InsightsFilters } from './InsightsFilters';
import { defaultInsightsForm, filterFromForm } from './insights-range';
import { MetricCards } from './MetricCards';
import { MonthlyVolumeChart } from './MonthlyVolumeChart';
import { VideoTextComparison } from './VideoTextComparison';

export interface InsightsDashboardProps {
  api: InsightsApi;
  /** Today, for the default range (the last 30 days); tests pass a fixed one. */
  now?: () => Date;
}

type Shown = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'report'; report: InsightsReport };

const ticketsOf = (report: InsightsReport): number => report.metrics.find((m) => m.key === 'tickets')?.value ?? 0;

/**
 * The supervisors' video insights (#20), in Flex and on the local page alike: a range, agent and
 * team; the metrics beside their targets; the monthly volume and the video/text comparison as
 * charts, each followed by its table. Loading, empty and failed states are said in words.
 */
export function InsightsDashboard({ api, now = () => new Date() }: InsightsDashboardProps) {
  const ids = useFieldIds('insights');
  const [initialForm] = useState(() => defaultInsightsForm(now()));
  const [filter, setFilter] = useState<InsightsFilter>(() => {
    const first = filterFromForm(initialForm);
    if ('error' in first) throw new Error(first.error); // the default range is always valid
    return first.filter;
  });
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  // The lists of the last report, kept while another loads.
  const [choices, setChoices] = useState<{ agents: string[]; teams: string[] }>({ agents: [], teams: [] });
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const load = useCallback(
    async (f: InsightsFilter) => {
      const call = ++latest.current;
      setShown({ kind: 'loading' });
      try {
        const report = await api.report(f);
        // Only the latest request's answer counts (Apply twice quickly).
        if (!mounted.current || call !== latest.current) return;
        if (!Array.isArray(report?.metrics) || !Array.isArray(report.monthly)) throw new Error('The server answered without the insights.');
        setChoices({ agents: report.agents ?? [], teams: report.teams ?? [] });
        setShown({ kind: 'report', report });
      } catch (e) {
        if (!mounted.current || call !== latest.current) return;
        setShown({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    },
    [api],
  );
  useEffect(() => void load(filter), [load, filter]);

  const loading = shown.kind === 'loading';
  return (
    <div className="vx-insights" data-testid="insights-dashboard">
      <div className="vx-insights__toolbar">
        <InsightsFilters initial={initialForm} agents={choices.agents} teams={choices.teams} busy={loading} onApply={setFilter} />
        <DownloadCsvButton api={api} filter={filter} />
      </div>
      <div className="vx-insights__results" aria-busy={loading} data-testid="insights-results">
        {loading && (
          <p role="status" className="vx-insights__status">
            Loading insights…
          </p>
        )}
        {shown.kind === 'error' && (
          <div role="alert" className="vx-insights__error">
            <p className="vx-error">Could not load the insights: {shown.message}</p>
            <button type="button" className="vx-button" onClick={() => void load(filter)}>
              Retry
            </button>
          </div>
        )}
        {shown.kind === 'report' && ticketsOf(shown.report) === 0 && (
          <p className="vx-insights__status" data-testid="insights-empty">
            No tickets in this range.
          </p>
        )}
        {shown.kind === 'report' && ticketsOf(shown.report) > 0 && (
          <>
            <section aria-labelledby={`${ids}-metrics`}>
              <h2 id={`${ids}-metrics`}>Metrics</h2>
              <MetricCards metrics={shown.report.metrics} />
            </section>
            <section aria-labelledby={`${ids}-monthly`}>
              <h2 id={`${ids}-monthly`}>Monthly volume</h2>
              <MonthlyVolumeChart monthly={shown.report.monthly} headingId={`${ids}-monthly`} />
            </section>
            <section aria-labelledby={`${ids}-compared`}>
              <h2 id={`${ids}-compared`}>Video and text-only tickets compared</h2>
              <VideoTextComparison metrics={shown.report.metrics} headingId={`${ids}-compared`} />
            </section>
          </>
        )}
      </div>
    </div>
  );
}
