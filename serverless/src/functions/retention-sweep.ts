import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { sweepRetention } from '../../../src/core/privacy/retention-sweep';
import { DomainError } from '../../../src/domain/errors';
import { jsonFunction } from '../lib/json-function';

const SWEEP_BUDGET_MS = 7_000;
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * A scheduler (e.g. hourly) runs the retention sweep on Twilio, where no timer lives in a Function.
 * Authenticated by RETENTION_SWEEP_SECRET in the body; refused when it is not configured.
 */
export const handler = jsonFunction(
  {
    name: 'retention-sweep',
    auth: 'none',
    schema: z.object({ secret: z.string().min(1).max(512) }) satisfies z.ZodType<FunctionsContract['/retention-sweep']['request']>,
  },
  async ({ body, backend, config }): Promise<FunctionsContract['/retention-sweep']['response']> => {
    const expected = config.RETENTION_SWEEP_SECRET;
    if (!expected || !timingSafeEqual(digest(body.secret), digest(expected))) {
      throw new DomainError('unauthorized', 'secret_invalid', 'This call needs the retention-sweep secret.');
    }
    // Twilio stops a Function at 10 s: what is left after ~7 s waits for the next call (`more`).
    return sweepRetention(backend.deps, backend.deps.clock.now(), { paceMs: config.RETENTION_SWEEP_PACE_MS, budgetMs: SWEEP_BUDGET_MS });
  },
);
