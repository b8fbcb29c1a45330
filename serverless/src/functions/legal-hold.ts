import { z } from 'zod';
import type { LegalHoldResponse } from '../../../src/api/privacy-contract';
import { HOLD_REASON_MAX, liftLegalHold, setLegalHold } from '../../../src/core/privacy/legal-hold';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set'), conversationId: idSchema, reason: z.string().max(HOLD_REASON_MAX * 2) }),
  z.object({ action: z.literal('lift'), conversationId: idSchema }),
]);

/** Supervisors set a conversation's legal hold with a reason, or lift it; both are audited. */
export const handler = jsonFunction({ name: 'legal-hold', auth: 'staff', schema }, async ({ body, backend, staff }): Promise<LegalHoldResponse> =>
  body.action === 'set' ? setLegalHold(backend.deps, staff, body) : liftLegalHold(backend.deps, staff, body),
);
