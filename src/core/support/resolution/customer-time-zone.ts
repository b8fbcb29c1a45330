import type { SupportEventRecord } from '../../../domain/support-events';
import { noteSupportEvent, type SupportEventDeps } from '../note-support-event';
import { lastTimeZone } from './ticket-resolution';

/** An IANA time zone name the runtime knows ("Europe/Paris"); anything else is not recorded. */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Records the customer's browser time zone for the ticket, unless it is the one last recorded.
 * Analytics only: an unknown zone is skipped and a store failure never fails the survey.
 */
export async function noteCustomerTimeZone(deps: SupportEventDeps, conversationId: string, events: readonly SupportEventRecord[], zone: string | undefined): Promise<void> {
  if (!zone || !isTimeZone(zone) || lastTimeZone(events, 'customer') === zone) return;
  await noteSupportEvent(deps, conversationId, { kind: 'time_zone', side: 'customer', zone });
}
