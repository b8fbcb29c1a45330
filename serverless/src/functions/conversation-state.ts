import { z } from 'zod';
import { recordClose } from '../../../src/core/privacy/close-conversation';
import { sweepAfterClose } from '../../../src/core/privacy/sweep-after-close';
import { webhookFunction } from '../lib/webhook-function';

/**
 * Twilio Conversations `onConversationStateUpdated` (post-event webhook, form-encoded, signed):
 * a conversation that became `closed` starts its retention clock, and what is due at close goes.
 * Other states are acknowledged and ignored. Redelivery is harmless: the first close counts.
 */
export const handler = webhookFunction(
  {
    name: 'conversation-state',
    path: 'conversation-state',
    schema: z
      .object({
        EventType: z.string().min(1).max(64).optional(),
        ConversationSid: z.string().regex(/^CH[0-9a-f]{32}$/i),
        StateTo: z.string().max(32).optional(),
        State: z.string().max(32).optional(),
      })
      .passthrough(),
  },
  async ({ body, backend }) => {
    const state = body.StateTo ?? body.State;
    if ((body.EventType && body.EventType !== 'onConversationStateUpdated') || state !== 'closed') return { ignored: state ?? body.EventType ?? 'no state' };
    const closed = await recordClose(backend.deps, { conversationId: body.ConversationSid, closedBy: 'twilio:conversations', source: 'conversation_webhook' });
    await sweepAfterClose(backend.deps, body.ConversationSid);
    return closed;
  },
);
