import { defaultInsightsForm, filterFromForm } from './insights-range';
import { formatMetric, targetStatus } from './insights-format';

describe('the insights range form', () => {
  it('defaults to the last 30 UTC days, today included', () => {
    expect(defaultInsightsForm(new Date('2026-11-30T23:30:00-05:00'))).toEqual({ from: '2026-11-02', to: '2026-12-01', agent: '', team: '' });
  });

  it('turns inclusive days into the server filter, `to` the day after the last', () => {
    expect(filterFromForm({ from: '2026-11-01', to: '2026-11-01', agent: '', team: 'Billing' })).toEqual({
      filter: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', team: 'Billing' },
    });
    expect(filterFromForm({ from: '', to: '2026-11-01', agent: '', team: '' })).toEqual({ error: 'Choose both dates of the range.' });
    expect(filterFromForm({ from: '2025-01-01', to: '2026-02-04', agent: '', team: '' })).toHaveProperty('filter');
    expect(filterFromForm({ from: '2025-01-01', to: '2026-02-05', agent: '', team: '' })).toEqual({ error: 'Choose a range of at most 400 days.' });
  });
});

describe('metric values for people', () => {
  it('writes each unit its own way, and no value as "No data"', () => {
    expect(
      [
        formatMetric(0.8267, 'ratio'),
        formatMetric(1200, 'count'),
        formatMetric(42.4, 'seconds'),
        formatMetric(125, 'seconds'),
        formatMetric(3.456, 'hours'),
        formatMetric(4.8, 'score'),
        formatMetric(90, 'minutes'),
        formatMetric(0.5, 'usd'),
        formatMetric(null, 'ratio'),
      ],
    ).toEqual(['82.7%', '1,200', '42 s', '2 min 5 s', '3.5 h', '4.8 of 5', '90 min', '$0.50', 'No data']);
  });

  it('meets a min target at or above it and a max target at or below it', () => {
    expect(targetStatus(0.88, { direction: 'min', value: 0.88 })).toBe('met');
    expect(targetStatus(0.87, { direction: 'min', value: 0.88 })).toBe('not_met');
    expect(targetStatus(2, { direction: 'max', value: 2 })).toBe('met');
    expect(targetStatus(null, { direction: 'max', value: 2 })).toBe('no_data');
    expect(targetStatus(5, undefined)).toBeNull();
  });
});
