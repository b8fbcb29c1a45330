import React, { useEffect, useRef, useState } from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { MESSAGE_TYPES } from '../../domain/message-types';

/** How long a notice stays: long enough to read and reach, short of lingering into what comes next. */
export const NEW_CLIP_NOTICE_MS = 20_000;

const isClipFrom = (role: 'customer' | 'agent') => (m: ConversationMessage) =>
  m.attributes?.type === MESSAGE_TYPES.recording && m.attributes.kind === 'clip' && m.attributes.authorRole === role;

export interface NewClipNoticeProps {
  messages: readonly ConversationMessage[];
  from?: 'customer' | 'agent';
  /** The notice goes away by itself after this long (the clip's card stays in the chat). */
  expireAfterMs?: number;
}

/**
 * Tells the reader that the other side's clip arrived while they were looking (the agent: the
 * customer's clip; the customer: the agent's reply). The chat shows its card; this says so where
 * they look first, and screen readers hear it once. Clips from before the page opened are not news.
 * A notice is news for a while only: it can be closed, and it leaves by itself after
 * `expireAfterMs`; the next clip brings a new one. It sits in the page's flow above the chat
 * (ui.css `.vx-notice`), never over the messages.
 */
export function NewClipNotice({ messages, from = 'customer', expireAfterMs = NEW_CLIP_NOTICE_MS }: NewClipNoticeProps) {
  const openedAt = useRef(Date.now());
  const isNews = isClipFrom(from);
  const latest = messages.filter((m) => isNews(m) && Date.parse(m.createdAt) >= openedAt.current).at(-1);
  const [gone, setGone] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const latestId = latest?.id;

  useEffect(() => {
    if (!latestId) return undefined;
    const timer = setTimeout(() => setGone(latestId), expireAfterMs);
    return () => clearTimeout(timer);
  }, [latestId, expireAfterMs]);

  // The close button goes with the notice: keep keyboard focus where it was, not on the page's top.
  const dismiss = (id: string) => {
    setGone(id);
    box.current?.focus();
  };

  const shown = latest && latest.id !== gone ? latest : undefined;
  const text = shown ? `New video clip from ${String(shown.attributes.authorName ?? shown.author)}: it plays in the chat below.` : '';
  // The live region stays in the page, empty when there is nothing to say, so each notice is announced.
  return (
    <div className={`vx-notice${shown ? ' vx-notice--open' : ''}`} ref={box} tabIndex={-1}>
      <p className="vx-notice__text" role="status" data-testid="new-clip-notice">
        {text}
      </p>
      {shown && (
        <button type="button" className="vx-notice__close" aria-label="Dismiss the new clip notice" onClick={() => dismiss(shown.id)}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
