import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { FIND_LIMIT_MAX, FIND_QUERY_MAX, findConversations } from '../../../src/core/privacy/find-conversations';
import { jsonFunction } from '../lib/json-function';

const schema = z.object({
  query: z.string().max(FIND_QUERY_MAX * 2),
  limit: z.coerce.number().int().min(1).max(FIND_LIMIT_MAX).optional(),
}) satisfies z.ZodType<FunctionsContract['/find-conversations']['request']>;

/** Supervisors: conversations by part of the customer's name or by id, newest first, each with its agent, closure and hold. */
export const handler = jsonFunction(
  { name: 'find-conversations', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/find-conversations']['response']> => findConversations(backend.deps, staff, body),
);
