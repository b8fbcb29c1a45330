import type { InsightsFilter } from '../../api/insights-contract';

/** The filter form: whole UTC days, both ends included as people say them ("1 to 30 November"). */
export interface InsightsForm {
  from: string;
  to: string;
  agent: string;
  team: string;
}

/** As the server allows (src/core/support/insights/insights-filter.ts). */
export const MAX_RANGE_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last 30 days up to and including today (UTC). */
export function defaultInsightsForm(now: Date): InsightsForm {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: dayOf(today - 29 * DAY_MS), to: dayOf(today), agent: '', team: '' };
}

/** The form as the server's filter (`to` exclusive: the day after the last one), or what is wrong with it. */
export function filterFromForm(form: InsightsForm): { filter: InsightsFilter } | { error: string } {
  if (!DAY.test(form.from) || !DAY.test(form.to)) return { error: 'Choose both dates of the range.' };
  const from = Date.parse(`${form.from}T00:00:00Z`);
  const to = Date.parse(`${form.to}T00:00:00Z`) + DAY_MS;
  if (Number.isNaN(from) || Number.isNaN(to)) return { error: 'Choose both dates of the range.' };
  if (from >= to) return { error: 'The range must start on or before its last day.' };
  if (to - from > MAX_RANGE_DAYS * DAY_MS) return { error: `Choose a range of at most ${MAX_RANGE_DAYS} days.` };
  return {
    filter: {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      ...(form.agent ? { agent: form.agent } : {}),
      ...(form.team ? { team: form.team } : {}),
    },
  };
}
