import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { auditLog } from '../../../src/core/privacy/audit-log';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

const schema = z.object({
  conversationId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
}) satisfies z.ZodType<FunctionsContract['/audit-log']['request']>;

/** Supervisors: the privacy audit trail, newest first (optionally one conversation's). */
export const handler = jsonFunction(
  { name: 'audit-log', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/audit-log']['response']> => auditLog(backend.deps, staff, body),
);
