import type { LibraryFilter, LibraryState, RecordingKind } from '../../api/library-contract';
import type { LibraryViewerRole } from './format';

/** The filter form as typed: every field a string, '' when unset. */
export interface FilterForm {
  agent: string;
  from: string;
  to: string;
  kind: '' | RecordingKind;
  minMinutes: string;
  maxMinutes: string;
  state: '' | LibraryState;
}

export const EMPTY_FILTER_FORM: FilterForm = { agent: '', from: '', to: '', kind: '', minMinutes: '', maxMinutes: '', state: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filter the server gets, or what is wrong with the form (said next to the form, nothing
 * sent). Agents never send an agent filter: the server gives them their own recordings anyway.
 */
export function filterFromForm(form: FilterForm, role: LibraryViewerRole): { filter: LibraryFilter } | { error: string } {
  const filter: LibraryFilter = {};
  const agent = form.agent.trim();
  if (role === 'supervisor' && agent) filter.agentIdentity = agent;
  for (const key of ['from', 'to'] as const) {
    if (!form[key]) continue;
    if (!DATE.test(form[key])) return { error: `Enter the ${key === 'from' ? 'start' : 'end'} date as a date, like 2025-01-31.` };
    filter[key] = form[key];
  }
  if (filter.from && filter.to && filter.from > filter.to) return { error: 'The start date is after the end date.' };
  if (form.kind) filter.kind = form.kind;
  if (form.state) filter.state = form.state;
  for (const [key, field] of [
    ['minSeconds', 'minMinutes'],
    ['maxSeconds', 'maxMinutes'],
  ] as const) {
    const raw = form[field].trim();
    if (!raw) continue;
    const minutes = Number(raw);
    if (!Number.isFinite(minutes) || minutes < 0) return { error: 'Enter lengths as a number of minutes, 0 or more.' };
    filter[key] = Math.round(minutes * 60);
  }
  if (filter.minSeconds !== undefined && filter.maxSeconds !== undefined && filter.minSeconds > filter.maxSeconds) {
    return { error: 'The shortest length is longer than the longest.' };
  }
  return { filter };
}
