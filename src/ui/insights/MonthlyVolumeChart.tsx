import React from 'react';
import type { MonthlyVolume } from '../../api/insights-contract';
import { BarChart } from './BarChart';
import { ChartLegend } from './ChartLegend';
import { SERIES_COLORS } from './insights-colors';
import { formatMonth } from './insights-format';

/** Clips per month and side, and calls: the workflow's volume, drawn, then the same as a table. */
export function MonthlyVolumeChart({ monthly, headingId }: { monthly: MonthlyVolume[]; headingId: string }) {
  const months = monthly.map((m) => formatMonth(m.month));
  const series = [
    { name: 'Customer clips', color: SERIES_COLORS.customerClips, values: monthly.map((m) => m.customerClips) },
    { name: 'Agent clips', color: SERIES_COLORS.agentClips, values: monthly.map((m) => m.agentClips) },
    { name: 'Calls', color: SERIES_COLORS.calls, values: monthly.map((m) => m.calls) },
  ];
  const span = months.length === 0 ? '' : months.length === 1 ? ` in ${months[0]}` : `, ${months[0]} to ${months[months.length - 1]}`;
  return (
    <figure className="vx-insights__figure" aria-labelledby={headingId} data-testid="monthly-volume">
      <ChartLegend items={series} />
      <BarChart
        label={`Bar chart of customer clips, agent clips and calls per month${span}. The table after it gives the numbers.`}
        labels={months}
        series={series}
        formatTick={(v) => (Number.isInteger(v) ? String(v) : '')}
      />
      <details className="vx-insights__data">
        <summary>Show the monthly volume as a table</summary>
        <table className="vx-insights__table">
          <caption>Clips, calls and tickets per month (UTC)</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Customer clips</th>
              <th scope="col">Agent clips</th>
              <th scope="col">Calls</th>
              <th scope="col">Tickets</th>
              <th scope="col">Tickets with video</th>
            </tr>
          </thead>
          <tbody>
            {monthly.map((m, i) => (
              <tr key={m.month} data-testid="monthly-row">
                <th scope="row">{months[i]}</th>
                <td>{m.customerClips}</td>
                <td>{m.agentClips}</td>
                <td>{m.calls}</td>
                <td>{m.tickets}</td>
                <td>{m.videoTickets}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
