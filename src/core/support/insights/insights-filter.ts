import { DomainError } from '../../../domain/errors';
import type { InsightsFilter } from '../../../domain/insights';

/** The longest range one report or export covers: a year and a bit, so year-on-year months fit and a query stays bounded. */
export const INSIGHTS_MAX_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Agent identities and team names are short; anything longer is not one. */
export const INSIGHTS_NAME_MAX = 200;

/**
 * The filter as the store gets it: both ends parsed and written back as ISO-8601 UTC (the store
 * compares them as text), `from` before `to`, at most INSIGHTS_MAX_DAYS apart; agent and team
 * trimmed, and left out when blank.
 */
export function checkedInsightsFilter(filter: InsightsFilter): InsightsFilter {
  const from = Date.parse(filter.from);
  const to = Date.parse(filter.to);
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw new DomainError('invalid_request', 'invalid_request', 'Give the range as two dates (ISO 8601), from and to.');
  }
  if (from >= to) throw new DomainError('invalid_request', 'invalid_request', 'The range must start before it ends.');
  if (to - from > INSIGHTS_MAX_DAYS * DAY_MS) {
    throw new DomainError('invalid_request', 'invalid_request', `Choose a range of at most ${INSIGHTS_MAX_DAYS} days.`);
  }
  const agent = named(filter.agent, 'agent');
  const team = named(filter.team, 'team');
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    ...(agent === undefined ? {} : { agent }),
    ...(team === undefined ? {} : { team }),
  };
}

function named(value: string | undefined, what: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > INSIGHTS_NAME_MAX) throw new DomainError('invalid_request', 'invalid_request', `That ${what} name is too long.`);
  return trimmed;
}
