import { z } from 'zod';
import { recordClose } from '../../../src/core/privacy/close-conversation';
import { sweepAfterClose } from '../../../src/core/privacy/sweep-after-close';
import { countTwilioMessage } from '../../../src/core/support/count-twilio-message';
import { webhookFunction } from '../lib/webhook-function';

/**
 * Twilio Conversations' post-event webhook (form-encoded, signed). A Conversations service has one
 * Post-Event URL for every event it sends (twilio.com/docs/conversations/conversations-webhooks:
 * the `Filters` choose which), so this Function takes both that the product uses:
 * - `onConversationStateUpdated`: a conversation that became `closed` starts its retention clock,
 *   and what is due at close goes. Redelivery is harmless: the first close counts.
 * - `onMessageAdded`: one chat message counted for the ticket's metrics, and a customer's words
 *   read once by the video-suggestion rules (src/core/support/count-twilio-message.ts).
 * Other events and states are acknowledged and ignored.
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
        Author: z.string().max(256).optional(),
        Body: z.string().max(32_768).optional(),
        Attributes: z.string().max(16_384).optional(),
        Media: z.string().max(16_384).optional(),
        Source: z.string().max(32).optional(),
      })
      .passthrough(),
  },
  async ({ body, backend }) => {
    if (body.EventType === 'onMessageAdded') return countTwilioMessage(backend.deps, body);
    const state = body.StateTo ?? body.State;
    if ((body.EventType && body.EventType !== 'onConversationStateUpdated') || state !== 'closed') return { ignored: state ?? body.EventType ?? 'no state' };
    const closed = await recordClose(backend.deps, { conversationId: body.ConversationSid, closedBy: 'twilio:conversations', source: 'conversation_webhook' });
    await sweepAfterClose(backend.deps, body.ConversationSid);
    return closed;
  },
);
