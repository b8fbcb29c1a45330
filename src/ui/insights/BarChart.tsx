import { BarChart as ChartistBarChart, type BarChartCreatedEvent, type BarChartOptions, type BarDrawEvent } from 'chartist';
import React, { useEffect, useRef } from 'react';
import { SERIES_COLORS } from './insights-colors';

export interface BarSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

export interface BarChartProps {
  /** What the chart shows, for screen readers; the table after it gives the numbers. */
  label: string;
  labels: string[];
  series: BarSeries[];
  /** A target drawn as a dashed reference line across the bars. */
  target?: { value: number; label: string };
  /** The axis's top (1 for ratios, 5 for a score); otherwise room for the bars and the target. */
  high?: number;
  formatTick?: (value: number) => string;
  barWidth?: number;
  height?: number;
  /** One bar per series, each on its own label (series of one value): a side-by-side comparison. */
  distribute?: boolean;
}

/** Room above the tallest bar or the target, so the target's label stays inside the chart. */
const headroom = (series: BarSeries[], target?: number): number => {
  const top = Math.max(0, target ?? 0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  return top === 0 ? 1 : top * 1.15;
};

/**
 * An axis label where Chartist's own stylesheet would put it (we ship none: Flex has no stylesheet
 * of ours): the y axis's at its tick, right-aligned; the x axis's centred under its bars. Set
 * through CSSOM, which the pages' CSP allows (style attributes it refuses).
 */
function placeLabel(span: Element | null): void {
  if (!(span instanceof HTMLElement)) return;
  const vertical = span.classList.contains('ct-vertical');
  Object.assign(span.style, {
    display: 'flex',
    fontSize: '12px',
    lineHeight: '1',
    color: '#3c4043',
    justifyContent: vertical ? 'flex-end' : 'center',
    alignItems: vertical ? 'flex-end' : 'flex-start',
    paddingRight: vertical ? '4px' : '0',
    boxSizing: 'border-box',
  });
}

/**
 * Bars drawn with Chartist (SVG, no dependencies; docs/insights.md says why). Chartist needs
 * window.matchMedia, which every browser has; without it (jsdom) nothing is drawn and the table
 * that follows every chart carries the data alone. Colours are SVG attributes, not CSS, so the
 * chart looks the same in Flex, which has none of our stylesheet.
 */
export function BarChart({ label, labels, series, target, high, formatTick, barWidth = 14, height = 220, distribute = false }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Redraw when what is drawn changes, not on every render of the dashboard.
  const drawn = JSON.stringify({ labels, series, target, high, barWidth, height, distribute });

  useEffect(() => {
    const el = box.current;
    if (!el || typeof window.matchMedia !== 'function') return undefined;
    const options: BarChartOptions = {
      height,
      low: 0,
      high: high ?? headroom(series, target?.value),
      seriesBarDistance: barWidth + 2,
      distributeSeries: distribute,
      chartPadding: { top: 24, right: 8, bottom: 0, left: 8 },
      axisX: { showGrid: false },
      axisY: { onlyInteger: false, labelInterpolationFnc: (v) => (formatTick ? formatTick(Number(v)) : String(v)) },
    };
    const data = distribute ? series.map((s) => s.values[0] ?? null) : series.map((s) => s.values);
    const chart = new ChartistBarChart(el, { labels, series: data }, options);
    chart.on('draw', (event: unknown) => {
      const e = event as BarDrawEvent | { type: string; element: BarDrawEvent['element'] };
      if (e.type === 'bar') {
        const bar = e as BarDrawEvent;
        bar.element.attr({ stroke: series[bar.seriesIndex]?.color ?? SERIES_COLORS.video, 'stroke-width': `${barWidth}px` });
      } else if (e.type === 'grid') {
        e.element.attr({ stroke: SERIES_COLORS.grid, 'stroke-width': '1px', 'stroke-dasharray': '2 2' });
      } else if (e.type === 'label') {
        placeLabel(e.element.getNode().firstElementChild);
      }
    });
    chart.on('created', (event: unknown) => {
      if (!target) return;
      const { chartRect, axisY, svg } = event as BarChartCreatedEvent;
      const y = chartRect.y1 - axisY.projectValue(target.value);
      svg.elem('line', { x1: chartRect.x1, x2: chartRect.x2, y1: y, y2: y, stroke: SERIES_COLORS.target, 'stroke-width': 2, 'stroke-dasharray': '6 4' }, 'vx-insights__target-line');
      svg.elem('text', { x: chartRect.x2, y: y - 4, 'text-anchor': 'end', fill: SERIES_COLORS.target, 'font-size': 12 }, 'vx-insights__target-label').text(target.label);
    });
    return () => {
      chart.detach();
    };
    // `drawn` stands for the props it is made of.
  }, [drawn]);

  return <div ref={box} className="vx-insights__chart" role="img" aria-label={label} data-testid="insights-chart" />;
}
