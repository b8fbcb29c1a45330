import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { timeOfDay } from './format';
import type { Viewer } from './LinkCard';

interface ClipRequestAttributes {
  url?: string;
  expiresAt?: string;
}

/**
 * An agent's request for a video clip. The customer gets the way to the recorder (no install, in
 * the browser); the agent sees that the request went out and until when it works.
 */
export function ClipRequestCard({ message, viewer, now = new Date() }: { message: ConversationMessage; viewer: Viewer; now?: Date }) {
  const a = message.attributes as ClipRequestAttributes;
  if (!a.url) return <p className="message__body">{message.body}</p>;
  const expired = a.expiresAt ? new Date(a.expiresAt).getTime() <= now.getTime() : false;
  return (
    <div className={`card card--clip-request${expired ? ' card--expired' : ''}`} data-testid="clip-request-card" data-state={expired ? 'expired' : 'live'}>
      <p className="card__title">{viewer === 'agent' ? 'Video clip requested from the customer' : `${message.author} asked you for a short video`}</p>
      {viewer === 'customer' && !expired && (
        <a className="card__link" data-testid="record-link" href={a.url} target="_blank" rel="noopener">
          Record a video
        </a>
      )}
      <p className="card__meta">
        {expired
          ? viewer === 'agent'
            ? 'This recording link has expired.'
            : 'This recording link has expired. Ask the agent for a new one.'
          : a.expiresAt
            ? `Link valid until ${timeOfDay(a.expiresAt)}.`
            : ''}
      </p>
    </div>
  );
}
