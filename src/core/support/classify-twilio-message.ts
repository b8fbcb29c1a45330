import { MESSAGE_TYPES } from '../../domain/message-types';
import type { SupportSide } from '../../domain/support-events';
import type { CoreDeps } from '../deps';
import { ticketFacts } from './ticket-facts';

const OUR_TYPES: ReadonlySet<string> = new Set(Object.values(MESSAGE_TYPES));

/**
 * Whose a Conversations message is. Our own posts (invitations, recordings, surveys: they carry
 * one of our message types) are not chat and count for nobody. An author who took the ticket as an
 * agent (`agent_joined`, sent by the Flex plugin when the task is accepted) is the agent; anyone
 * else, and every SMS or WhatsApp author, is the customer.
 */
export async function classifyTwilioMessage(
  deps: Pick<CoreDeps, 'supportEvents'>,
  conversationId: string,
  message: { author: string; attributes?: string; media?: string; source?: string },
): Promise<{ side: SupportSide; hasMedia: boolean } | null> {
  if (OUR_TYPES.has(typeOf(message.attributes))) return null;
  const hasMedia = mediaCount(message.media) > 0;
  const channel = (message.source ?? '').toUpperCase();
  if (channel === 'SMS' || channel === 'WHATSAPP') return { side: 'customer', hasMedia };
  const agents = ticketFacts(await deps.supportEvents.list(conversationId)).agents;
  return { side: agents.includes(message.author) ? 'agent' : 'customer', hasMedia };
}

function typeOf(attributes: string | undefined): string {
  try {
    const parsed: unknown = JSON.parse(attributes ?? '{}');
    return parsed && typeof parsed === 'object' && typeof (parsed as { type?: unknown }).type === 'string' ? (parsed as { type: string }).type : '';
  } catch {
    return '';
  }
}

function mediaCount(media: string | undefined): number {
  try {
    const parsed: unknown = JSON.parse(media ?? '[]');
    return Array.isArray(parsed) ? parsed.length : 0;
  } catch {
    return 0;
  }
}
