import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import { CustomerLinks } from '../customer-link';

/** What the pipeline needs to put a watch link in a message: the signer, the links' life, fresh ids. */
export interface WatchLinkSigning {
  links: Pick<CustomerLinks, 'signWatch' | 'watchUrl'>;
  ttlSeconds: number;
  newId: () => string;
}

/** The same signer and key as every customer link (LINK_SIGNING_SECRET), with the watch links' life (WATCH_LINK_TTL_DAYS). */
export function watchLinkSigning(
  config: Pick<Config, 'LINK_SIGNING_SECRET' | 'PUBLIC_BASE_URL' | 'WATCH_LINK_TTL_DAYS'>,
  newId: () => string = randomUUID,
): WatchLinkSigning {
  return { links: new CustomerLinks(config.LINK_SIGNING_SECRET, config.PUBLIC_BASE_URL), ttlSeconds: config.WATCH_LINK_TTL_DAYS * 24 * 60 * 60, newId };
}
