/**
 * Signed outbound events for CRMs and BI (#20): what happened on a ticket, posted to each
 * configured endpoint as JSON, signed with HMAC-SHA256 over `${timestamp}.${body}` with the
 * endpoint's own secret, retried with backoff, and keyed so a receiver can drop repeats.
 */
export const OUTBOUND_EVENT_TYPES = ['call.ended', 'recording.ready', 'clip.sent', 'clip.watched', 'ticket.resolved', 'csat.received'] as const;
export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];

export interface OutboundEvent {
  /** The idempotency key: the same fact always has the same id, so a repeat is recognised. */
  id: string;
  type: OutboundEventType;
  /** ISO-8601 UTC, when it happened. */
  occurredAt: string;
  conversationId: string;
  /** Facts only (ids, lengths, scores, links to our own pages); never a transcript or a message text. */
  data: Record<string, string | number | boolean | null>;
}
