import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { escalate } from '../../../src/core/escalate';
import { jsonFunction } from '../lib/json-function';
import { agentMessageSchema, idSchema } from '../lib/schemas';

/** Agent: move a chat conversation to video. */
export const handler = jsonFunction(
  { name: 'escalate', auth: 'staff', schema: z.object({ conversationId: idSchema, viaSuggestion: z.boolean().optional(), message: agentMessageSchema.optional() }) satisfies z.ZodType<FunctionsContract['/escalate']['request']> },
  async ({ body, backend, staff, userAgent }): Promise<FunctionsContract['/escalate']['response']> => {
    const result = await escalate(backend.deps, staff, body.conversationId, { userAgent, viaSuggestion: body.viaSuggestion, message: body.message });
    return {
      escalationId: result.escalation.id,
      roomName: result.escalation.roomName,
      customerLink: result.customerLink,
      linkExpiresAt: result.escalation.linkExpiresAt,
      recording: result.escalation.recording,
      reused: result.reused,
      access: result.agentAccess,
    };
  },
);
