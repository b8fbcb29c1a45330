import type { MetricTarget, MetricUnit } from '../../api/insights-contract';

/** What a value with no measure reads (no CSAT answers yet, no resolved tickets). */
export const NO_DATA = 'No data';

const number = (v: number, digits: number) => v.toLocaleString('en', { maximumFractionDigits: digits });

/** A metric's value for people, in its unit: "88%", "4.6 of 5", "3.5 h", "$60.00". */
export function formatMetric(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  switch (unit) {
    case 'ratio':
      return `${number(value * 100, 1)}%`;
    case 'count':
      return number(value, 0);
    case 'seconds':
      return value < 60 ? `${number(value, 0)} s` : `${Math.floor(value / 60)} min ${Math.round(value % 60)} s`;
    case 'hours':
      return `${number(value, 1)} h`;
    case 'score':
      return `${number(value, 2)} of 5`;
    case 'messages':
      return number(value, 1);
    case 'minutes':
      return `${number(value, 0)} min`;
    case 'usd':
      return `$${value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    default:
      return number(value, 2);
  }
}

/** An axis tick: as formatMetric but short ("4", not "4 of 5"), so ticks never wrap. */
export const formatTick = (value: number, unit: MetricUnit): string => (unit === 'score' ? number(value, 1) : formatMetric(value, unit));

/** "at least 88%", "at most 2 h". */
export const formatTarget = (target: MetricTarget, unit: MetricUnit): string =>
  `${target.direction === 'min' ? 'at least' : 'at most'} ${formatMetric(target.value, unit)}`;

export type TargetStatus = 'met' | 'not_met' | 'no_data';

/** Whether a value meets its target; null when the metric has none. */
export function targetStatus(value: number | null | undefined, target: MetricTarget | undefined): TargetStatus | null {
  if (!target) return null;
  if (value === null || value === undefined) return 'no_data';
  return (target.direction === 'min' ? value >= target.value : value <= target.value) ? 'met' : 'not_met';
}

/** Said in words, never by colour alone. */
export const TARGET_STATUS_TEXT: Record<TargetStatus, string> = {
  met: 'Target met',
  not_met: 'Target not met',
  no_data: 'Nothing to compare yet',
};

/** "Nov 2026" for a UTC month "2026-11". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
