import React from 'react';

/** The series' names beside their colours, and the target line's dash: the chart's key in words. */
export function ChartLegend({ items, target }: { items: { name: string; color: string }[]; target?: string }) {
  return (
    <ul className="vx-insights__legend" aria-label="Legend">
      {items.map((i) => (
        <li key={i.name}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" rx="2" fill={i.color} />
          </svg>{' '}
          {i.name}
        </li>
      ))}
      {target && (
        <li>
          <svg width="22" height="14" aria-hidden="true" focusable="false">
            <line x1="0" x2="22" y1="7" y2="7" stroke="#b3261e" strokeWidth="2" strokeDasharray="6 4" />
          </svg>{' '}
          {target}
        </li>
      )}
    </ul>
  );
}
