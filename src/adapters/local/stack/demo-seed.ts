import type { Conversation } from '../../../domain/conversation';
import type { SqlConversations } from '../../sql/sql-conversations';

/** A chat worth escalating, so a fresh `npm start` has something to click. Reuses an existing one. */
export async function seedDemoConversation(conversations: SqlConversations): Promise<Conversation> {
  const existing = (await conversations.list()).find((c) => c.attributes.demo === true);
  if (existing) return existing;
  const conversation = await conversations.createConversation({
    friendlyName: 'Jordan Lee · Router keeps dropping Wi-Fi',
    attributes: { demo: true, customerName: 'Jordan Lee', channel: 'web chat' },
  });
  await conversations.postMessage(conversation.id, {
    author: 'Customer',
    body: 'Hi, my router keeps dropping the Wi-Fi every few minutes. The lights on the front are blinking orange.',
  });
  await conversations.postMessage(conversation.id, {
    author: 'Customer',
    body: 'I tried restarting it twice already.',
  });
  return conversation;
}
