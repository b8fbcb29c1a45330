import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { checkLink, join } from '../../../src/core/join';
import { jsonFunction } from '../lib/json-function';
import { looseBoolean } from '../lib/schemas';

/**
 * Customer, authenticated by the signed link: `check` tells the join page what it needs before
 * joining (agent, recording, whether the link is open elsewhere); `join` grants media access.
 */
export const handler = jsonFunction(
  {
    name: 'customer-token',
    auth: 'none',
    schema: z.object({
      linkToken: z.string().min(1).max(4096),
      action: z.enum(['check', 'join']).default('join'),
      takeOver: looseBoolean.default(false),
      consent: looseBoolean.default(false),
      noticeVersion: z.string().max(64).optional(),
    }) satisfies z.ZodType<FunctionsContract['/customer-token']['request']>,
  },
  async ({ body, backend, userAgent }): Promise<FunctionsContract['/customer-token']['response']> =>
    body.action === 'check'
      ? checkLink(backend.deps, body.linkToken)
      : join(backend.deps, body.linkToken, body.takeOver, { consent: body.consent, noticeVersion: body.noticeVersion, userAgent }),
);
