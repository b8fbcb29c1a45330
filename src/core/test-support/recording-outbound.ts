import type { OutboundEvent } from '../../domain/outbound-events';
import type { OutboundPublisher } from '../../ports/outbound-events';

/** Keeps what the core published, once per id (as the real queue does), for tests to read. */
export class RecordingOutbound implements OutboundPublisher {
  readonly events: OutboundEvent[] = [];

  async publish(event: OutboundEvent): Promise<void> {
    if (!this.events.some((e) => e.id === event.id)) this.events.push(event);
  }
}
