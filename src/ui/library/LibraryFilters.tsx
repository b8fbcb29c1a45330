import React, { useState } from 'react';
import type { LibraryFilter } from '../../api/library-contract';
import { useFieldIds } from '../hooks/useFieldIds';
import { EMPTY_FILTER_FORM, filterFromForm, type FilterForm } from './filter-form';
import { KIND_LABEL, STATE_LABEL, type LibraryViewerRole } from './format';

export interface LibraryFiltersProps {
  viewerRole: LibraryViewerRole;
  /** Called with a valid filter when the form is applied or cleared. */
  onApply(filter: LibraryFilter): void;
}

/** Agent (supervisors only), date range, kind, length range and state; applied on submit. */
export function LibraryFilters({ viewerRole, onApply }: LibraryFiltersProps) {
  const id = useFieldIds('filters');
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER_FORM);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof FilterForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const field = (key: keyof FilterForm) => `${id}-${key}`;

  const apply = (next: FilterForm) => {
    const result = filterFromForm(next, viewerRole);
    if ('error' in result) return setError(result.error);
    setError(null);
    onApply(result.filter);
  };

  return (
    <form
      className="vx-library__filters"
      aria-label="Filter recordings"
      data-testid="library-filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply(form);
      }}
    >
      {viewerRole === 'supervisor' && (
        <div className="vx-field">
          <label htmlFor={field('agent')}>Agent</label>
          <input id={field('agent')} name="agent" type="text" value={form.agent} onChange={set('agent')} placeholder="Agent identity" autoComplete="off" />
        </div>
      )}
      <div className="vx-field">
        <label htmlFor={field('from')}>From</label>
        <input id={field('from')} name="from" type="date" value={form.from} onChange={set('from')} />
      </div>
      <div className="vx-field">
        <label htmlFor={field('to')}>To</label>
        <input id={field('to')} name="to" type="date" value={form.to} onChange={set('to')} />
      </div>
      <div className="vx-field">
        <label htmlFor={field('kind')}>Kind</label>
        <select id={field('kind')} name="kind" value={form.kind} onChange={set('kind')}>
          <option value="">Calls and clips</option>
          {Object.entries(KIND_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}s only
            </option>
          ))}
        </select>
      </div>
      <div className="vx-field">
        <label htmlFor={field('minMinutes')}>Shortest (minutes)</label>
        <input id={field('minMinutes')} name="minMinutes" type="number" min={0} step="any" inputMode="decimal" value={form.minMinutes} onChange={set('minMinutes')} />
      </div>
      <div className="vx-field">
        <label htmlFor={field('maxMinutes')}>Longest (minutes)</label>
        <input id={field('maxMinutes')} name="maxMinutes" type="number" min={0} step="any" inputMode="decimal" value={form.maxMinutes} onChange={set('maxMinutes')} />
      </div>
      <div className="vx-field">
        <label htmlFor={field('state')}>State</label>
        <select id={field('state')} name="state" value={form.state} onChange={set('state')}>
          <option value="">Any state</option>
          {Object.entries(STATE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="vx-library__filter-actions">
        <button type="submit" className="vx-button vx-button--primary">
          Apply filters
        </button>
        <button
          type="button"
          className="vx-button"
          onClick={() => {
            setForm(EMPTY_FILTER_FORM);
            apply(EMPTY_FILTER_FORM);
          }}
        >
          Clear filters
        </button>
      </div>
      {error && (
        <p className="vx-error vx-library__filter-error" role="alert" data-testid="filter-error">
          {error}
        </p>
      )}
    </form>
  );
}
