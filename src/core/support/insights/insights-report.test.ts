import { agent, supervisor } from '../../test-support/local-deps';
import { codeOf } from '../../test-support/code-of';
import { FakeInsightsStore } from './test-support/fake-insights-store';
import { checkedInsightsFilter, INSIGHTS_MAX_DAYS } from './insights-filter';
import { insightsReport } from './insights-report';

const config = { AGENT_MINUTES_PER_MESSAGE: 2, AGENT_COST_PER_MINUTE: 0.5 };
const november = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

describe('the insights report', () => {
  it('is for supervisors and admins only: an agent gets a 403 and the store is never asked', async () => {
    const store = new FakeInsightsStore();
    const deps = { supportEvents: store, config };
    expect(await codeOf(insightsReport(deps, agent, november))).toBe('403 supervisor_required');
    expect(await codeOf(insightsReport(deps, { ...agent, roles: [] }, november))).toBe('403 supervisor_required');
    expect(store.reports).toEqual([]);
    expect(await codeOf(insightsReport(deps, { ...agent, roles: ['agent', 'admin'] }, november))).toBe('resolved');
  });

  it('asks the store for the checked filter with the configured ROI assumptions', async () => {
    const store = new FakeInsightsStore();
    const report = await insightsReport({ supportEvents: store, config: { AGENT_MINUTES_PER_MESSAGE: 3, AGENT_COST_PER_MINUTE: 0.75 } }, supervisor, {
      from: '2026-11-01',
      to: '2026-12-01T01:00:00+01:00',
      agent: ' alex ',
      team: '',
    });
    expect(store.reports).toEqual([{ filter: { ...november, agent: 'alex' }, roi: { minutesPerMessage: 3, costPerMinute: 0.75 } }]);
    expect(report.filter).toEqual({ ...november, agent: 'alex' });
  });

  it('refuses a range that is not two dates, runs backwards, is empty or spans more than 400 days', async () => {
    const deps = { supportEvents: new FakeInsightsStore(), config };
    const refused = (from: string, to: string) => codeOf(insightsReport(deps, supervisor, { from, to }));
    expect(await refused('yesterday', '2026-12-01')).toBe('400 invalid_request');
    expect(await refused('2026-12-01', '2026-11-01')).toBe('400 invalid_request');
    expect(await refused('2026-11-01', '2026-11-01')).toBe('400 invalid_request');
    expect(await refused('2025-01-01', '2026-02-06')).toBe('400 invalid_request'); // 401 days
    expect(await refused('2025-01-01', '2026-02-05')).toBe('resolved'); // exactly 400 days
    expect(INSIGHTS_MAX_DAYS).toBe(400);
  });

  it('leaves blank agent and team out and refuses names no agent or team has', () => {
    expect(checkedInsightsFilter({ ...november, agent: '  ', team: ' Billing ' })).toEqual({ ...november, team: 'Billing' });
    expect(() => checkedInsightsFilter({ ...november, team: 'x'.repeat(201) })).toThrow('too long');
  });
});
