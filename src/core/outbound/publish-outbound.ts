import type { OutboundEvent } from '../../domain/outbound-events';
import type { OutboundPublisher } from '../../ports/outbound-events';
import { allEndpoints, type OutboundDeps } from './outbound-deps';
import { endpointWants } from './outbound-endpoints';

/**
 * The JSON every receiver gets: the event itself, keys in a fixed order. Made once at publish time
 * and stored, so every attempt posts (and signs) the very same bytes.
 */
export const outboundBody = (event: OutboundEvent): string =>
  JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, conversationId: event.conversationId, data: event.data });

/**
 * Queues an event for every enabled endpoint that wants its type. Nothing is sent here: the
 * caller's request never waits on a CRM; deliverDue posts it. The store keys the queue by
 * (event id, endpoint id), so publishing the same event again queues nothing new.
 */
export async function publishOutbound(deps: Pick<OutboundDeps, 'store' | 'envEndpoints' | 'clock'>, event: OutboundEvent): Promise<number> {
  const endpoints = (await allEndpoints(deps)).filter((e) => endpointWants(e, event.type));
  if (endpoints.length === 0) return 0;
  const body = outboundBody(event);
  return deps.store.enqueue(
    endpoints.map((e) => ({ eventId: event.id, endpointId: e.id, type: event.type, conversationId: event.conversationId, body })),
    deps.clock.now().toISOString(),
  );
}

/** CoreDeps.outbound: the core publishes through this and never learns where events go. */
export class QueueingOutboundPublisher implements OutboundPublisher {
  constructor(private readonly deps: Pick<OutboundDeps, 'store' | 'envEndpoints' | 'clock'>) {}

  async publish(event: OutboundEvent): Promise<void> {
    await publishOutbound(this.deps, event);
  }
}
