import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { offerClip } from '../../../src/core/clips/offer-clip';
import { jsonFunction } from '../lib/json-function';
import { agentMessageSchema, idSchema } from '../lib/schemas';

/** Agent: ask the customer for a clip (a signed recording link goes into the chat). */
export const handler = jsonFunction(
  { name: 'offer-clip', auth: 'staff', schema: z.object({ conversationId: idSchema, viaSuggestion: z.boolean().optional(), message: agentMessageSchema.optional() }) satisfies z.ZodType<FunctionsContract['/offer-clip']['request']> },
  async ({ body, backend, staff }): Promise<FunctionsContract['/offer-clip']['response']> => offerClip(backend.deps, staff, body.conversationId, { viaSuggestion: body.viaSuggestion, message: body.message }),
);
