import type { IdentityPort } from '../ports/identity';
import type { CoreDeps } from './deps';

/**
 * A complete adapter set: what the core needs plus how staff are authenticated. Each back end
 * (adapters/local, adapters/twilio) builds one; adapters/backend.ts picks which.
 */
export interface Backend {
  deps: CoreDeps;
  identity: IdentityPort;
  close(): Promise<void>;
}
