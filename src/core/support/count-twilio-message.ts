import type { CoreDeps } from '../deps';
import { classifyTwilioMessage } from './classify-twilio-message';
import { noteMessage } from './note-message';

/** The form parameters of Conversations' `onMessageAdded` that the count reads. */
export interface TwilioMessageAdded {
  ConversationSid: string;
  Author?: string;
  Body?: string;
  Attributes?: string;
  Media?: string;
  Source?: string;
}

/**
 * One chat message from Conversations' post-event webhook: counted for the ticket (who wrote and
 * when, with or without media; never its text), and a customer's words read once by the
 * video-suggestion rules. Our own posts (links, recordings, surveys) count for nobody.
 */
export async function countTwilioMessage(deps: CoreDeps, event: TwilioMessageAdded): Promise<{ counted: boolean; side?: 'customer' | 'agent' }> {
  const message = await classifyTwilioMessage(deps, event.ConversationSid, {
    author: event.Author ?? '',
    attributes: event.Attributes,
    media: event.Media,
    source: event.Source,
  });
  if (!message) return { counted: false };
  await noteMessage(deps, event.ConversationSid, { ...message, text: message.side === 'customer' ? event.Body : undefined });
  return { counted: true, side: message.side };
}
