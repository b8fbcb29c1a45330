import React from 'react';
import type { Metric } from '../../api/insights-contract';
import { formatMetric, formatTarget, targetStatus, TARGET_STATUS_TEXT } from './insights-format';

/** One metric: its value, its target and whether it is met (in words), and video beside text where compared. */
function MetricCard({ metric }: { metric: Metric }) {
  const status = targetStatus(metric.value, metric.target);
  const compared = metric.video !== undefined || metric.text !== undefined;
  return (
    <li className="vx-insights__card" data-testid="metric-card" data-metric={metric.key}>
      <h3 className="vx-insights__card-label">{metric.label}</h3>
      <p className="vx-insights__card-value" data-testid="metric-value">
        {formatMetric(metric.value, metric.unit)}
      </p>
      {metric.target && status && (
        <p className={`vx-insights__target vx-insights__target--${status}`} data-testid="metric-target">
          Target {formatTarget(metric.target, metric.unit)}: <strong>{TARGET_STATUS_TEXT[status]}</strong>
        </p>
      )}
      {compared && (
        <dl className="vx-insights__sides" data-testid="metric-sides">
          <div>
            <dt>Video</dt>
            <dd>{formatMetric(metric.video, metric.unit)}</dd>
          </div>
          <div>
            <dt>Text only</dt>
            <dd>{formatMetric(metric.text, metric.unit)}</dd>
          </div>
        </dl>
      )}
    </li>
  );
}

/** Every metric of the report as a card, in the report's order. */
export function MetricCards({ metrics }: { metrics: Metric[] }) {
  return (
    <ul className="vx-insights__cards" aria-label="Metrics">
      {metrics.map((m) => (
        <MetricCard key={m.key} metric={m} />
      ))}
    </ul>
  );
}
