import type { Config } from '../../config';
import type { Clock } from '../../ports/clock';
import type { OutboundStore } from '../../ports/outbound-store';
import type { OutboundDeps } from './outbound-deps';
import { parseOutboundWebhooks } from './outbound-endpoints';
import { QueueingOutboundPublisher } from './publish-outbound';

/**
 * The outbound events of one back end: the queue the core publishes to and what delivering it
 * needs. Local mode may post to plain http on loopback (a receiver on this machine); production
 * only to https.
 */
export function outboundFor(store: OutboundStore, config: Pick<Config, 'BACKEND' | 'OUTBOUND_WEBHOOKS'>, clock: Clock) {
  const allowLocalHttp = config.BACKEND === 'local';
  const outboundDelivery: OutboundDeps = { store, envEndpoints: parseOutboundWebhooks(config.OUTBOUND_WEBHOOKS, allowLocalHttp), allowLocalHttp, clock };
  return { outbound: new QueueingOutboundPublisher(outboundDelivery), outboundDelivery };
}
