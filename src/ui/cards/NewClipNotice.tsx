import React, { useRef } from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { MESSAGE_TYPES } from '../../domain/message-types';

const isCustomerClip = (m: ConversationMessage) =>
  m.attributes?.type === MESSAGE_TYPES.recording && m.attributes.kind === 'clip' && m.attributes.authorRole === 'customer';

/**
 * Tells the agent that a customer's clip arrived while they were looking (the chat shows its card;
 * this says so where they look first, and screen readers hear it once). Clips already in the
 * conversation before it opened are not news.
 */
export function NewClipNotice({ messages }: { messages: readonly ConversationMessage[] }) {
  const openedAt = useRef(Date.now());
  const fresh = messages.filter((m) => isCustomerClip(m) && Date.parse(m.createdAt) >= openedAt.current);
  const latest = fresh.at(-1);
  return (
    <p className="vx-status" role="status" data-testid="new-clip-notice">
      {latest ? `New video clip from ${String(latest.attributes.authorName ?? latest.author)}: it plays in the chat below.` : ''}
    </p>
  );
}
