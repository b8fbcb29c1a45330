import React, { useEffect, useRef, useState } from 'react';
import type { ConversationMessage } from '../../../../domain/conversation';
import { MESSAGE_TYPES } from '../../../../domain/message-types';
import { RecordingPlayer, type TranscriptSegment } from '../../../../../plugin-video-escalation/src/components/RecordingPlayer';

const time = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

export type Viewer = 'agent' | 'customer';

/** The customer gets the way into the call; the agent, who is already in it, sees that it was sent. */
function LinkCard({ message, viewer }: { message: ConversationMessage; viewer: Viewer }) {
  const a = message.attributes as { url?: string; expiresAt?: string; recording?: boolean };
  const [copied, setCopied] = useState(false);
  if (!a.url) return <p>{message.body}</p>;
  const url = a.url;
  const meta = (
    <p className="card__meta">
      {a.recording ? 'This call is recorded and transcribed. ' : ''}
      {a.expiresAt ? `Link valid until ${time(a.expiresAt)}.` : ''}
    </p>
  );
  if (viewer === 'agent') {
    return (
      <div className="card" data-testid="link-card">
        <p className="card__title">Video call link sent to the customer</p>
        {meta}
        <button
          type="button"
          className="vx-button"
          data-testid="copy-link-button"
          onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? 'Link copied' : 'Copy link'}
        </button>
      </div>
    );
  }
  return (
    <div className="card" data-testid="link-card">
      <p className="card__title">Video call invitation from {message.author}</p>
      <a className="card__link" data-testid="join-link" href={url}>
        Join the video call
      </a>
      {meta}
    </div>
  );
}

function RecordingCard({ message }: { message: ConversationMessage }) {
  const a = message.attributes as { mediaUrl?: string; captionsUrl?: string; durationSeconds?: number; transcript?: { segments?: TranscriptSegment[] } };
  if (!a.mediaUrl) return <p>{message.body}</p>;
  const minutes = a.durationSeconds ? ` (${Math.floor(a.durationSeconds / 60)}:${String(Math.round(a.durationSeconds % 60)).padStart(2, '0')})` : '';
  return (
    <div className="card card--recording">
      <RecordingPlayer
        mediaUrl={a.mediaUrl}
        captionsUrl={a.captionsUrl ?? ''}
        segments={a.transcript?.segments ?? []}
        title={`Video call recording${minutes}`}
      />
    </div>
  );
}

/** The chat, oldest first, scrolled to the newest; invitations and recordings render as cards. */
export function MessageList({ messages, self, viewer = 'customer' }: { messages: ConversationMessage[]; self?: string; viewer?: Viewer }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView?.({ block: 'end' }), [messages.length]);
  return (
    <ol className="messages" data-testid="message-list" aria-label="Messages" aria-live="polite">
      {messages.length === 0 && <li className="messages__empty">No messages yet.</li>}
      {messages.map((m) => {
        const type = m.attributes?.type;
        return (
          <li key={m.id} className={`message${m.author === self ? ' message--self' : ''}`} data-testid="message" data-type={String(type ?? 'text')}>
            <p className="message__meta">
              <strong>{m.author}</strong> <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
            </p>
            {type === MESSAGE_TYPES.link ? (
              <LinkCard message={m} viewer={viewer} />
            ) : type === MESSAGE_TYPES.recording ? (
              <RecordingCard message={m} />
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
