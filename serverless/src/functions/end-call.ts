import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { endCall } from '../../../src/core/end-call';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

/** Agent (owner) or supervisor: end the call for everyone and revoke the customer link. */
export const handler = jsonFunction(
  { name: 'end-call', auth: 'staff', schema: z.object({ escalationId: idSchema }) satisfies z.ZodType<FunctionsContract['/end-call']['request']> },
  async ({ body, backend, staff }): Promise<FunctionsContract['/end-call']['response']> => {
    const ended = await endCall(backend.deps, staff, body.escalationId);
    return { escalationId: ended.id, status: ended.status, endedAt: ended.endedAt };
  },
);
