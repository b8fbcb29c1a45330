import React, { useEffect, useRef, useState } from 'react';

export interface ConversationLabelProps {
  conversationId: string;
  customerName: string;
  /** Off where something beside it already names the customer (a Customer column, a heading). */
  showName?: boolean;
}

/** How long "Copied" stays before the status clears. */
const CONFIRM_MS = 2500;

/**
 * Names a conversation the way the privacy tools and the audit log name it: the customer and the
 * id, with a button that copies the id (a supervisor pastes it into a hold, a ticket, an email).
 * The result is said in words in a status region, so it is announced, not only seen.
 */
export function ConversationLabel({ conversationId, customerName, showName = true }: ConversationLabelProps) {
  const [said, setSaid] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      // Absent on insecure origins and old browsers: that is a failure like a refusal.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(conversationId);
      setSaid('Copied');
    } catch {
      setSaid('Could not copy: select the id and copy it');
    }
    timer.current = setTimeout(() => setSaid(''), CONFIRM_MS);
  };

  return (
    <span className="vx-conversation" data-testid="conversation-label" data-conversation-id={conversationId}>
      {showName && <span className="vx-conversation__name">{customerName}</span>}
      <span className="vx-conversation__id">
        Conversation <code>{conversationId}</code>
      </span>
      {/* The visible words start the accessible name (WCAG 2.5.3); the rest tells rows apart. */}
      <button type="button" className="vx-button vx-conversation__copy" aria-label={`Copy id of the conversation with ${customerName}`} onClick={() => void copy()}>
        Copy id
      </button>
      <span role="status" className="vx-conversation__said">
        {said}
      </span>
    </span>
  );
}
