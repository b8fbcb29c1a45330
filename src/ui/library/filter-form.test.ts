import { EMPTY_FILTER_FORM, filterFromForm } from './filter-form';

describe('filterFromForm', () => {
  it('sends only what is set, lengths in seconds', () => {
    expect(filterFromForm(EMPTY_FILTER_FORM, 'supervisor')).toEqual({ filter: {} });
    expect(
      filterFromForm({ agent: ' alex ', from: '2025-01-01', to: '2025-01-31', kind: 'clip', minMinutes: '0.5', maxMinutes: '3', state: 'ready' }, 'supervisor'),
    ).toEqual({ filter: { agentIdentity: 'alex', from: '2025-01-01', to: '2025-01-31', kind: 'clip', minSeconds: 30, maxSeconds: 180, state: 'ready' } });
  });

  it('never sends an agent filter for an agent', () => {
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, agent: 'someone-else' }, 'agent')).toEqual({ filter: {} });
  });

  it('refuses ranges that end before they start, and lengths that are not numbers', () => {
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, from: '2025-02-01', to: '2025-01-01' }, 'agent')).toEqual({ error: 'The start date is after the end date.' });
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, minMinutes: '5', maxMinutes: '1' }, 'agent')).toEqual({ error: 'The shortest length is longer than the longest.' });
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, minMinutes: '-1' }, 'agent')).toHaveProperty('error');
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, maxMinutes: 'ten' }, 'agent')).toHaveProperty('error');
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, from: '31/01/2025' }, 'agent')).toHaveProperty('error');
  });
});
