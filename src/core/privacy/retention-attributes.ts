import type { Attributes } from '../../domain/conversation';
import { logger } from '../../logger';
import type { RetentionDeps } from './retention-deps';

/**
 * The conversation's `retention` attribute: closed when, media deleted when, on hold or not. The
 * console and Flex read it live. Best effort: the store is the record; a chat that refuses the
 * write (gone, or closed on Twilio) must not undo a close or a hold.
 */
export async function publishRetention(deps: Pick<RetentionDeps, 'conversations'>, conversationId: string, fields: Attributes): Promise<void> {
  try {
    await deps.conversations.mergeAttributes(conversationId, { retention: fields });
  } catch (err) {
    logger.warn({ err, conversationId }, 'retention: could not update the conversation attributes');
  }
}
