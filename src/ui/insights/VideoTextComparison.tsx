import React from 'react';
import type { Metric, MetricKey } from '../../api/insights-contract';
import { BarChart } from './BarChart';
import { ChartLegend } from './ChartLegend';
import { SERIES_COLORS } from './insights-colors';
import { formatMetric, formatTarget, formatTick, targetStatus, TARGET_STATUS_TEXT } from './insights-format';

/** The metrics the workflow compares between video and text-only tickets, in this order. */
export const COMPARED: MetricKey[] = ['resolution_rate', 'csat', 'messages_per_ticket', 'time_to_resolution_hours'];

const axisTop = (m: Metric): number | undefined => (m.unit === 'ratio' ? 1 : m.unit === 'score' ? 5 : undefined);

/**
 * Video against text-only tickets, one small chart per metric (their units differ) with its target
 * as a dashed line, then one table of every number and whether each side meets its target.
 */
export function VideoTextComparison({ metrics, headingId }: { metrics: Metric[]; headingId: string }) {
  const compared = COMPARED.map((key) => metrics.find((m) => m.key === key)).filter((m): m is Metric => m !== undefined);
  const sides = [
    { name: 'Video tickets', color: SERIES_COLORS.video },
    { name: 'Text-only tickets', color: SERIES_COLORS.text },
  ];
  const withTarget = compared.some((m) => m.target);
  return (
    <figure className="vx-insights__figure" aria-labelledby={headingId} data-testid="video-text-comparison">
      <ChartLegend items={sides} target={withTarget ? 'Target' : undefined} />
      <div className="vx-insights__small-multiples">
        {compared.map((m) => (
          <div key={m.key} className="vx-insights__small-chart">
            <h3>{m.label}</h3>
            <BarChart
              label={`${m.label}: video tickets ${formatMetric(m.video, m.unit)}, text-only tickets ${formatMetric(m.text, m.unit)}${
                m.target ? `, target ${formatTarget(m.target, m.unit)}` : ''
              }.`}
              labels={['Video', 'Text only']}
              series={[
                { ...sides[0], values: [m.video ?? null] },
                { ...sides[1], values: [m.text ?? null] },
              ]}
              distribute
              target={m.target ? { value: m.target.value, label: `Target ${formatMetric(m.target.value, m.unit)}` } : undefined}
              high={axisTop(m)}
              formatTick={(v) => formatTick(v, m.unit)}
              barWidth={36}
              height={180}
            />
          </div>
        ))}
      </div>
      <details className="vx-insights__data">
        <summary>Show the video and text comparison as a table</summary>
        <table className="vx-insights__table">
          <caption>Video tickets against text-only tickets, with each metric&apos;s target</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Video tickets</th>
              <th scope="col">Text-only tickets</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            {compared.map((m) => (
              <tr key={m.key} data-testid="comparison-row" data-metric={m.key}>
                <th scope="row">{m.label}</th>
                <td>
                  {formatMetric(m.video, m.unit)}
                  {m.target && ` (${TARGET_STATUS_TEXT[targetStatus(m.video, m.target) ?? 'no_data']})`}
                </td>
                <td>
                  {formatMetric(m.text, m.unit)}
                  {m.target && ` (${TARGET_STATUS_TEXT[targetStatus(m.text, m.target) ?? 'no_data']})`}
                </td>
                <td>{m.target ? formatTarget(m.target, m.unit) : 'None set'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
