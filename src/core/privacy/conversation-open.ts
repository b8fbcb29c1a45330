import { DomainError } from '../../domain/errors';
import type { CoreDeps } from '../deps';

/**
 * A closed conversation takes no new call or clip: its retention clock is running (a recording
 * made now would be due at once), and on Twilio a closed conversation takes no more messages.
 */
export async function assertConversationOpen(deps: Pick<CoreDeps, 'privacy'>, conversationId: string): Promise<void> {
  if (await deps.privacy.getClosure(conversationId)) {
    throw new DomainError(
      'conflict',
      'conversation_closed',
      'This conversation is closed, so no new call or clip can start in it. Start a new conversation with the customer.',
    );
  }
}
