import React, { useEffect, useMemo, useRef } from 'react';
import type { ConversationMessage } from '../../../../domain/conversation';
import { timeOfDay } from '../../../../ui/cards/format';
import type { Viewer } from '../../../../ui/cards/LinkCard';
import { isCardMessage, MessageCard } from '../../../../ui/cards/MessageCard';
import type { ClipViewReporter } from '../../../../ui/cards/RecordingCard';
import { useLinkStates } from '../../../../ui/hooks/useLinkStates';
import { directRecordingMedia } from '../../../../ui/api/recording-media';
import { customerRecordingMedia } from '../../../../ui/api/watch-api';

/** The chat, oldest first, scrolled to the newest; invitations and recordings render as cards. */
export function MessageList({
  messages,
  self,
  viewer = 'customer',
  onResendLink,
  onClipView,
}: {
  messages: ConversationMessage[];
  self?: string;
  viewer?: Viewer;
  onResendLink?: () => Promise<void>;
  onClipView?: ClipViewReporter;
}) {
  const end = useRef<HTMLLIElement>(null);
  // Locally a recording's URLs are this origin's, authorized by the page's media cookie (staff or
  // chat); the customer opens what carries their watch link through the watch Function, as the
  // watch page does on every back end.
  const media = useMemo(() => (viewer === 'customer' ? customerRecordingMedia() : directRecordingMedia()), [viewer]);
  const linkStates = useLinkStates(messages);
  useEffect(() => end.current?.scrollIntoView?.({ block: 'end' }), [messages.length]);
  return (
    // Focusable: the list scrolls, and keyboard users must be able to scroll it (WCAG 2.1.1).
    <ol className="messages" data-testid="message-list" aria-label="Messages" aria-live="polite" tabIndex={0}>
      {messages.length === 0 && <li className="messages__empty">No messages yet.</li>}
      {messages.map((m) => {
        const type = m.attributes?.type;
        return (
          <li key={m.id} className={`message${m.author === self ? ' message--self' : ''}`} data-testid="message" data-type={String(type ?? 'text')}>
            <p className="message__meta">
              <strong>{m.author}</strong> <time dateTime={m.createdAt}>{timeOfDay(m.createdAt)}</time>
            </p>
            {isCardMessage(m.attributes) ? (
              <MessageCard message={m} viewer={viewer} linkState={linkStates.get(m.id) ?? 'live'} onResendLink={onResendLink} onClipView={onClipView} media={media} />
            ) : (
              <p className="message__body">{m.body}</p>
            )}
          </li>
        );
      })}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
