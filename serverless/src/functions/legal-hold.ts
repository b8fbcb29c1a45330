import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { getLegalHold, HOLD_REASON_MAX, liftLegalHold, setLegalHold } from '../../../src/core/privacy/legal-hold';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('get'), conversationId: idSchema }),
  z.object({ action: z.literal('set'), conversationId: idSchema, reason: z.string().max(HOLD_REASON_MAX * 2) }),
  z.object({ action: z.literal('lift'), conversationId: idSchema }),
]) satisfies z.ZodType<FunctionsContract['/legal-hold']['request']>;

/** Supervisors read a conversation's legal hold (and its closure), set one with a reason, or lift it; set and lift are audited. */
export const handler = jsonFunction(
  { name: 'legal-hold', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/legal-hold']['response']> => {
    switch (body.action) {
      case 'get':
        return getLegalHold(backend.deps, staff, body);
      case 'set':
        return setLegalHold(backend.deps, staff, body);
      case 'lift':
        return liftLegalHold(backend.deps, staff, body);
    }
  },
);
