import type { OutboundEvent } from '../../domain/outbound-events';
import type { SupportEvent } from '../../domain/support-events';
import { logger } from '../../logger';
import type { CoreDeps } from '../deps';

export type SupportEventDeps = Pick<CoreDeps, 'supportEvents' | 'outbound' | 'clock'>;

/**
 * Records one fact in the support event log and hands the CRM-facing ones to the outbound queue.
 * Analytics never fail the user's action: a store error is logged and the caller goes on (the
 * call still starts, the clip is still sent). Returns whether the fact was new.
 */
export async function noteSupportEvent(deps: SupportEventDeps, conversationId: string, event: SupportEvent): Promise<boolean> {
  const at = deps.clock.now();
  try {
    const { appended } = await deps.supportEvents.append(conversationId, event, at);
    const outbound = appended ? outboundOf(conversationId, event, at.toISOString()) : null;
    if (outbound) await deps.outbound.publish(outbound);
    return appended;
  } catch (err) {
    logger.warn({ err, conversationId, kind: event.kind }, 'support event not recorded');
    return false;
  }
}

/**
 * The outbound event a fact makes, if any, with a key that is the same for the same fact (so a
 * retried request publishes once). Resolution and CSAT are published by their own use cases.
 */
export function outboundOf(conversationId: string, event: SupportEvent, occurredAt: string): OutboundEvent | null {
  const base = { occurredAt, conversationId };
  switch (event.kind) {
    case 'call_ended':
      return { ...base, id: `call.ended:${event.callId}`, type: 'call.ended', data: { callId: event.callId, durationSeconds: event.seconds } };
    case 'clip_sent':
      return { ...base, id: `clip.sent:${event.clipId}`, type: 'clip.sent', data: { clipId: event.clipId, author: event.side, durationSeconds: event.seconds } };
    case 'clip_watched':
      return event.completed
        ? { ...base, id: `clip.watched:${event.clipId}:${event.side}`, type: 'clip.watched', data: { clipId: event.clipId, viewer: event.side, completed: true } }
        : null;
    default:
      return null;
  }
}

/** Whether a call's start was already noted (a customer who rejoins starts nothing new). */
export async function callAlreadyStarted(deps: SupportEventDeps, conversationId: string, callId: string): Promise<boolean> {
  try {
    const events = await deps.supportEvents.list(conversationId);
    return events.some((r) => r.event.kind === 'call_started' && r.event.callId === callId);
  } catch {
    return true; // unknown: do not count the call twice
  }
}
