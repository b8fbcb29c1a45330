import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import React from 'react';
import { ApiError } from '../../client/request-json';
import { InsightsDashboard } from './InsightsDashboard';
import { FakeInsightsApi, sampleReport } from './test-support/fake-insights-api';

const now = () => new Date('2026-11-30T15:00:00Z');
const last30Days = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

async function axeViolations(container: Element): Promise<string[]> {
  let violations: string[] = [];
  await act(async () => {
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
  return violations;
}

const card = (key: string) => document.querySelector(`[data-testid="metric-card"][data-metric="${key}"]`) as HTMLElement;
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((r) => within(r).queryAllByRole(/cell|rowheader|columnheader/).map((c) => c.textContent));

describe('the video insights dashboard', () => {
  it('loads the last 30 days (busy meanwhile), then shows the metrics beside their targets in words', async () => {
    const api = new FakeInsightsApi();
    api.hold = true;
    render(<InsightsDashboard api={api} now={now} />);
    expect(screen.getByTestId('insights-results').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Loading insights…');
    expect(api.requests).toEqual([last30Days]);
    act(() => api.release());
    await waitFor(() => expect(screen.getByTestId('insights-results').getAttribute('aria-busy')).toBe('false'));
    expect(screen.queryByRole('status')).toBeNull();

    expect(within(card('tickets')).getByTestId('metric-value').textContent).toBe('120');
    expect(within(card('adoption_rate')).getByTestId('metric-target').textContent).toBe('Target at least 10%: Target met');
    expect(within(card('resolution_rate')).getByTestId('metric-value').textContent).toBe('85%');
    expect(within(card('resolution_rate')).getByTestId('metric-target').textContent).toBe('Target at least 88%: Target not met');
    expect(within(card('resolution_rate')).getByTestId('metric-sides').textContent).toBe('Video92%Text only82.7%');
    expect(within(card('csat')).getByTestId('metric-sides').textContent).toBe('Video4.9 of 5Text onlyNo data');
    expect(within(card('agent_cost_saved_usd')).getByTestId('metric-value').textContent).toBe('$1,234.50');
    expect(within(card('tickets')).queryByTestId('metric-target')).toBeNull();
  });

  it('follows each chart with a real table: monthly volume, and video against text with targets', async () => {
    const api = new FakeInsightsApi();
    render(<InsightsDashboard api={api} now={now} />);
    const monthly = await screen.findByRole('table', { name: 'Clips, calls and tickets per month (UTC)' });
    expect(rowsOf(monthly)).toEqual([
      ['Month', 'Customer clips', 'Agent clips', 'Calls', 'Tickets', 'Tickets with video'],
      ['Oct 2026', '12', '30', '8', '70', '18'],
      ['Nov 2026', '9', '21', '5', '50', '12'],
    ]);
    expect(within(monthly).getByRole('rowheader', { name: 'Oct 2026' }).getAttribute('scope')).toBe('row');
    expect(monthly.closest('details')?.querySelector('summary')?.textContent).toBe('Show the monthly volume as a table');
    const compared = screen.getByRole('table', { name: "Video tickets against text-only tickets, with each metric's target" });
    expect(rowsOf(compared)).toEqual([
      ['Metric', 'Video tickets', 'Text-only tickets', 'Target'],
      ['Resolution rate', '92% (Target met)', '82.7% (Target not met)', 'at least 88%'],
      ['Customer satisfaction (CSAT)', '4.9 of 5 (Target met)', 'No data (Nothing to compare yet)', 'at least 4.8 of 5'],
      ['Messages per ticket', '6.2', '10.6', 'None set'],
      ['Time to resolution', '3.5 h', '5.8 h', 'None set'],
    ]);
    // Each chart is an image with a name that says what it shows.
    const charts = screen.getAllByRole('img', { name: /./ }).filter((c) => c.getAttribute('data-testid') === 'insights-chart');
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Bar chart of customer clips, agent clips and calls per month, Oct 2026 to Nov 2026. The table after it gives the numbers.',
      'Resolution rate: video tickets 92%, text-only tickets 82.7%, target at least 88%.',
      'Customer satisfaction (CSAT): video tickets 4.9 of 5, text-only tickets No data, target at least 4.8 of 5.',
      'Messages per ticket: video tickets 6.2, text-only tickets 10.6.',
      'Time to resolution: video tickets 3.5 h, text-only tickets 5.8 h.',
    ]);
  });

  it('says when the range has no tickets', async () => {
    const api = new FakeInsightsApi();
    api.answers = [(f) => ({ ...sampleReport(f), metrics: [{ key: 'tickets', label: 'Tickets', unit: 'count', value: 0 }], monthly: [] })];
    render(<InsightsDashboard api={api} now={now} />);
    expect((await screen.findByTestId('insights-empty')).textContent).toBe('No tickets in this range.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByTestId('metric-card')).toBeNull();
  });

  it('says why loading failed, as an alert with Retry, which asks again for the same range', async () => {
    const api = new FakeInsightsApi();
    api.answers = [new ApiError('unavailable', 'The video service is unavailable right now. Please try again.', 503)];
    render(<InsightsDashboard api={api} now={now} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the insights: The video service is unavailable right now.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(card('tickets')).toBeTruthy());
    expect(api.requests).toEqual([last30Days, last30Days]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks again with the range, agent and team chosen, from the lists of the last report', async () => {
    const api = new FakeInsightsApi();
    render(<InsightsDashboard api={api} now={now} />);
    await waitFor(() => expect(card('tickets')).toBeTruthy());
    const agent = screen.getByLabelText('Agent') as HTMLSelectElement;
    expect([...agent.options].map((o) => o.textContent)).toEqual(['All agents', 'alex', 'sam']);
    fireEvent.change(screen.getByLabelText('From (UTC)'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To, inclusive (UTC)'), { target: { value: '2026-10-31' } });
    fireEvent.change(agent, { target: { value: 'sam' } });
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'Billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(api.requests).toHaveLength(2));
    expect(api.requests[1]).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', agent: 'sam', team: 'Billing' });
    await waitFor(() => expect(screen.getByTestId('insights-results').getAttribute('aria-busy')).toBe('false'));
    // The CSV download exports the range on screen.
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download tickets (CSV)' }));
    await waitFor(() => expect(saved).toEqual(['tickets_2026-10-01_2026-11-01.csv blob:csv']));
    expect(api.exports).toEqual([api.requests[1]]);
    click.mockRestore();
  });

  it('refuses a range that ends before it starts, without asking the server', async () => {
    const api = new FakeInsightsApi();
    render(<InsightsDashboard api={api} now={now} />);
    await waitFor(() => expect(card('tickets')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('From (UTC)'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('To, inclusive (UTC)'), { target: { value: '2026-11-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toBe('The range must start on or before its last day.');
    expect(api.requests).toHaveLength(1);
  });

  it('has no axe violations with the data shown, tables open, and in the error state', async () => {
    const api = new FakeInsightsApi();
    const { container, unmount } = render(<InsightsDashboard api={api} now={now} />);
    await waitFor(() => expect(card('tickets')).toBeTruthy());
    container.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
    expect(await axeViolations(container)).toEqual([]);
    unmount();
    const failing = new FakeInsightsApi();
    failing.answers = [new Error('offline')];
    const second = render(<InsightsDashboard api={failing} now={now} />);
    await screen.findByRole('alert');
    expect(await axeViolations(second.container)).toEqual([]);
  });
});
