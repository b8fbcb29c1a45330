import type { OutboundEvent } from '../domain/outbound-events';

/**
 * Where the core hands outbound events: queued for every endpoint that wants the type, delivered
 * with retries (src/core/outbound). Publishing the same event id twice queues it once.
 */
export interface OutboundPublisher {
  publish(event: OutboundEvent): Promise<void>;
}
