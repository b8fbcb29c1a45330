import type { SupportTicketsTable } from './schema';

/**
 * The sums every metric is worked out from, as SQL over ticket rows (`ve_support_tickets`), and the
 * same per row in TypeScript (`ticketSums`, which keeps `ve_support_days` in step and serves the
 * bench's baseline). Constant SQL, never user input. The day rollup's columns carry these names.
 */
export const SUMS = {
  tickets: 'COUNT(*)',
  resolved: 'SUM(resolved)',
  messages: 'SUM(customer_messages + agent_messages)',
  resolution_seconds: 'SUM(CASE WHEN resolved = 1 THEN resolution_seconds ELSE 0 END)',
  csat_total: 'SUM(COALESCE(csat, 0))',
  csat_answers: 'COUNT(csat)',
  first_contact: 'SUM(first_contact_resolution)',
  customer_clips: 'SUM(customer_clips)',
  agent_clips: 'SUM(agent_clips)',
  customer_clips_watched: 'SUM(customer_clips_watched_by_agent)',
  agent_clips_watched: 'SUM(agent_clips_watched_by_customer)',
  customer_clip_seconds: 'SUM(customer_clip_seconds)',
  agent_clip_seconds: 'SUM(agent_clip_seconds)',
  calls: 'SUM(calls)',
  timezone_spanning: 'SUM(CASE WHEN resolved = 1 AND customer_time_zone <> agent_time_zone THEN 1 ELSE 0 END)',
  suggestions_shown: 'SUM(suggestions_shown)',
  suggestions_accepted: 'SUM(suggestions_accepted)',
  suggestions_dismissed: 'SUM(suggestions_dismissed)',
} as const;
export type SumName = keyof typeof SUMS;
/** Sums over a group of ticket rows, named as in SUMS. */
export type Sums = Record<SumName, number>;
export const SUM_NAMES = Object.keys(SUMS) as SumName[];

export const emptySums = (): Sums => Object.fromEntries(SUM_NAMES.map((n) => [n, 0])) as Sums;

export const addInto = (into: Sums, from: Sums, sign: 1 | -1 = 1): Sums => {
  for (const n of SUM_NAMES) into[n] += sign * from[n];
  return into;
};

/** One ticket row's share of each sum: what SUMS adds up for it. */
export function ticketSums(r: SupportTicketsTable): Sums {
  const spanning = r.resolved === 1 && r.customer_time_zone !== null && r.agent_time_zone !== null && r.customer_time_zone !== r.agent_time_zone;
  return {
    tickets: 1,
    resolved: r.resolved,
    messages: r.customer_messages + r.agent_messages,
    resolution_seconds: r.resolved === 1 ? (r.resolution_seconds ?? 0) : 0,
    csat_total: r.csat ?? 0,
    csat_answers: r.csat === null ? 0 : 1,
    first_contact: r.first_contact_resolution,
    customer_clips: r.customer_clips,
    agent_clips: r.agent_clips,
    customer_clips_watched: r.customer_clips_watched_by_agent,
    agent_clips_watched: r.agent_clips_watched_by_customer,
    customer_clip_seconds: r.customer_clip_seconds,
    agent_clip_seconds: r.agent_clip_seconds,
    calls: r.calls,
    timezone_spanning: spanning ? 1 : 0,
    suggestions_shown: r.suggestions_shown,
    suggestions_accepted: r.suggestions_accepted,
    suggestions_dismissed: r.suggestions_dismissed,
  };
}
