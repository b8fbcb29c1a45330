import React, { useState } from 'react';
import type { InsightsFilter } from '../../api/insights-contract';
import { useFieldIds } from '../hooks/useFieldIds';
import { filterFromForm, type InsightsForm } from './insights-range';

export interface InsightsFiltersProps {
  initial: InsightsForm;
  /** The agents and teams seen in the range, from the last report. */
  agents: string[];
  teams: string[];
  busy: boolean;
  onApply(filter: InsightsFilter): void;
}

/** Date range (whole UTC days), agent and team; applied with the Apply button. */
export function InsightsFilters({ initial, agents, teams, busy, onApply }: InsightsFiltersProps) {
  const id = useFieldIds('insights-filters');
  const [form, setForm] = useState<InsightsForm>(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof InsightsForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const field = (key: keyof InsightsForm) => `${id}-${key}`;
  // A chosen agent or team stays a choice even when the new range has none of their tickets.
  const withChosen = (names: string[], chosen: string) => (chosen && !names.includes(chosen) ? [...names, chosen].sort() : names);

  return (
    <form
      className="vx-insights__filters"
      aria-label="Filter the insights"
      data-testid="insights-filters"
      onSubmit={(e) => {
        e.preventDefault();
        const result = filterFromForm(form);
        if ('error' in result) return setError(result.error);
        setError(null);
        onApply(result.filter);
      }}
    >
      <div className="vx-field">
        <label htmlFor={field('from')}>From (UTC)</label>
        <input id={field('from')} name="from" type="date" required value={form.from} onChange={set('from')} />
      </div>
      <div className="vx-field">
        <label htmlFor={field('to')}>To, inclusive (UTC)</label>
        <input id={field('to')} name="to" type="date" required value={form.to} onChange={set('to')} />
      </div>
      <div className="vx-field">
        <label htmlFor={field('agent')}>Agent</label>
        <select id={field('agent')} name="agent" value={form.agent} onChange={set('agent')}>
          <option value="">All agents</option>
          {withChosen(agents, form.agent).map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="vx-field">
        <label htmlFor={field('team')}>Team</label>
        <select id={field('team')} name="team" value={form.team} onChange={set('team')}>
          <option value="">All teams</option>
          {withChosen(teams, form.team).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="vx-button vx-button--primary" disabled={busy}>
        Apply
      </button>
      {error && (
        <p role="alert" className="vx-error vx-insights__form-error">
          {error}
        </p>
      )}
    </form>
  );
}
