import { logger } from '../../logger';
import type { RetentionDeps } from './retention-deps';
import { sweepRetention, type SweepReport } from './retention-sweep';

/**
 * Right after a close, what is already due (media with PII) goes. Best effort: the close is
 * recorded either way, and the timer (or the scheduled Function) sweeps again.
 */
export async function sweepAfterClose(deps: RetentionDeps, conversationId: string): Promise<SweepReport | null> {
  try {
    return await sweepRetention(deps, deps.clock.now(), { conversationId });
  } catch (err) {
    logger.warn({ err, conversationId }, 'retention: the sweep after a close failed; the next sweep retries');
    return null;
  }
}
