import { cleanup, render, waitFor } from '@testing-library/react';
import React from 'react';
import { BarChart } from './BarChart';

/** Browsers have matchMedia (Chartist needs it); jsdom does not: each test says which it is. */
function withMatchMedia(present: boolean) {
  const w = window as unknown as { matchMedia?: unknown };
  if (present) w.matchMedia = () => ({ matches: false, addEventListener: () => undefined, removeEventListener: () => undefined });
  else delete w.matchMedia;
}

afterEach(() => {
  cleanup();
  withMatchMedia(false);
});

const series = [
  { name: 'Video tickets', color: '#0b57d0', values: [0.92] },
  { name: 'Text-only tickets', color: '#6d4c00', values: [0.8] },
];

describe('a bar chart', () => {
  it('draws an SVG bar per value in its series colour, and the target as a dashed line with its label', async () => {
    withMatchMedia(true);
    const { getByRole } = render(
      <BarChart label="Resolution rate" labels={['Video', 'Text only']} series={series} distribute high={1} target={{ value: 0.88, label: 'Target 88%' }} barWidth={36} />,
    );
    const chart = getByRole('img', { name: 'Resolution rate' });
    await waitFor(() => expect(chart.querySelectorAll('line.ct-bar')).toHaveLength(2));
    expect([...chart.querySelectorAll('line.ct-bar')].map((b) => [b.getAttribute('stroke'), b.getAttribute('stroke-width')])).toEqual([
      ['#0b57d0', '36px'],
      ['#6d4c00', '36px'],
    ]);
    const target = chart.querySelector('line.vx-insights__target-line');
    expect(target?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(target?.getAttribute('y1')).toBe(target?.getAttribute('y2'));
    expect(chart.querySelector('text.vx-insights__target-label')?.textContent).toBe('Target 88%');
  });

  it('groups several series per label, and draws no target line without a target', async () => {
    withMatchMedia(true);
    const { getByRole } = render(
      <BarChart
        label="Volume"
        labels={['Oct', 'Nov']}
        series={[
          { name: 'Customer clips', color: '#0b57d0', values: [12, 9] },
          { name: 'Calls', color: '#00695c', values: [8, 5] },
        ]}
      />,
    );
    const chart = getByRole('img', { name: 'Volume' });
    await waitFor(() => expect(chart.querySelectorAll('line.ct-bar')).toHaveLength(4));
    expect(chart.querySelector('.vx-insights__target-line')).toBeNull();
  });

  it('leaves the table to carry the data where nothing can draw (no matchMedia), without failing', async () => {
    const { getByRole } = render(<BarChart label="Resolution rate" labels={['Video']} series={series.slice(0, 1)} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(getByRole('img', { name: 'Resolution rate' }).children).toHaveLength(0);
  });
});
