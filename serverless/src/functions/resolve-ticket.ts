import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { DISPOSITION_MAX_CHARS, resolveTicket } from '../../../src/core/support/resolution/resolve-ticket';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

const schema = z.object({
  conversationId: idSchema,
  source: z.enum(['agent', 'task_completed']),
  disposition: z.string().max(DISPOSITION_MAX_CHARS).optional(),
}) satisfies z.ZodType<FunctionsContract['/resolve-ticket']['request']>;

/**
 * Agents: the ticket is resolved, from the console's Resolve or, in Flex, the task's completion
 * (the plugin sends its disposition). Records it, posts the satisfaction survey once, publishes
 * `ticket.resolved`; a repeat changes nothing.
 */
export const handler = jsonFunction(
  { name: 'resolve-ticket', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/resolve-ticket']['response']> =>
    resolveTicket(backend.deps, { kind: 'staff', staff }, body),
);
