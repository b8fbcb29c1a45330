import type { Config } from '../config';
import type { Backend } from '../core/backend';

/**
 * The composition root: the only place that knows which back end runs. Adapters are loaded
 * lazily so a deployment never loads the other back end's native modules.
 */
export async function createBackend(config: Config): Promise<Backend> {
  switch (config.BACKEND) {
    case 'local':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('./local/local-backend') as typeof import('./local/local-backend')).createLocalBackend(config);
    case 'twilio':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('./twilio/twilio-backend') as typeof import('./twilio/twilio-backend')).createTwilioBackend(config);
  }
}
