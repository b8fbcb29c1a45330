import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { deliverDue } from '../../../src/core/outbound/deliver-outbound';
import { retryPolicyOf } from '../../../src/core/outbound/outbound-deps';
import { DomainError } from '../../../src/domain/errors';
import { jsonFunction } from '../lib/json-function';

/** Twilio stops a Function at 10 s: the last batch may start this long before, plus one POST's timeout. */
const FUNCTION_LIMIT_MS = 10_000;
const MARGIN_MS = 2_000;
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * A scheduler (e.g. every minute) posts the due outbound events on Twilio, where nothing runs in
 * the background. Authenticated by OUTBOUND_DELIVER_SECRET in the body; refused when it is not
 * configured. `more` says the budget ran out with deliveries still due: call again.
 */
export const handler = jsonFunction(
  {
    name: 'outbound-deliver',
    auth: 'none',
    schema: z.object({ secret: z.string().min(1).max(512) }) satisfies z.ZodType<FunctionsContract['/outbound-deliver']['request']>,
  },
  async ({ body, backend, config }): Promise<FunctionsContract['/outbound-deliver']['response']> => {
    const expected = config.OUTBOUND_DELIVER_SECRET;
    if (!expected || !timingSafeEqual(digest(body.secret), digest(expected))) {
      throw new DomainError('unauthorized', 'secret_invalid', 'This call needs the outbound-deliver secret.');
    }
    const deps = backend.deps.outboundDelivery;
    const budgetMs = Math.max(0, FUNCTION_LIMIT_MS - MARGIN_MS - retryPolicyOf(deps).timeoutMs);
    return deliverDue(deps, deps.clock.now(), { budgetMs });
  },
);
