import React, { useRef } from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { MESSAGE_TYPES } from '../../domain/message-types';

const isClipFrom = (role: 'customer' | 'agent') => (m: ConversationMessage) =>
  m.attributes?.type === MESSAGE_TYPES.recording && m.attributes.kind === 'clip' && m.attributes.authorRole === role;

/**
 * Tells the reader that the other side's clip arrived while they were looking (the agent: the
 * customer's clip; the customer: the agent's reply). The chat shows its card; this says so where
 * they look first, and screen readers hear it once. Clips from before the page opened are not news.
 */
export function NewClipNotice({ messages, from = 'customer' }: { messages: readonly ConversationMessage[]; from?: 'customer' | 'agent' }) {
  const openedAt = useRef(Date.now());
  const isNews = isClipFrom(from);
  const fresh = messages.filter((m) => isNews(m) && Date.parse(m.createdAt) >= openedAt.current);
  const latest = fresh.at(-1);
  return (
    <p className="vx-status" role="status" data-testid="new-clip-notice">
      {latest ? `New video clip from ${String(latest.attributes.authorName ?? latest.author)}: it plays in the chat below.` : ''}
    </p>
  );
}
