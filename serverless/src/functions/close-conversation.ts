import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { closeConversation } from '../../../src/core/privacy/close-conversation';
import { sweepAfterClose } from '../../../src/core/privacy/sweep-after-close';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

/**
 * Staff close a conversation (the console's action, the Flex task's completion): the retention
 * clock starts, and what is due at close (media with PII) goes at once.
 */
export const handler = jsonFunction(
  {
    name: 'close-conversation',
    auth: 'staff',
    schema: z.object({
      conversationId: idSchema,
      source: z.enum(['console', 'task_completed']).optional(),
    }) satisfies z.ZodType<FunctionsContract['/close-conversation']['request']>,
  },
  async ({ body, backend, staff }): Promise<FunctionsContract['/close-conversation']['response']> => {
    const closed = await closeConversation(backend.deps, staff, body);
    await sweepAfterClose(backend.deps, closed.conversationId);
    return closed;
  },
);
