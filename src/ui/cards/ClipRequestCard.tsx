import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { timeOfDay } from './format';
import type { Viewer } from './LinkCard';
import type { LinkState } from './link-state';

interface ClipRequestAttributes {
  url?: string;
  expiresAt?: string;
}

/** What a request that can no longer record says, in the reader's terms. */
const notUsable: Record<Exclude<LinkState, 'live'>, { title: { agent: string; customer: string }; meta: { agent: string; customer: string } }> = {
  fulfilled: {
    title: { agent: 'Video clip received from the customer', customer: 'Video sent, thank you' },
    meta: { agent: 'The customer sent the video this request asked for.', customer: 'The agent has your video.' },
  },
  replaced: {
    title: { agent: 'Video clip requested from the customer', customer: 'Video request replaced' },
    meta: { agent: 'A newer request replaced this one.', customer: 'A newer request replaced this one: use the latest one below.' },
  },
  expired: {
    title: { agent: 'Video clip requested from the customer', customer: 'Video request expired' },
    meta: { agent: 'This recording link has expired.', customer: 'This recording link has expired. Ask the agent for a new one.' },
  },
  // A clip request never "ends" as a call does; read it as expired if it ever comes.
  ended: {
    title: { agent: 'Video clip requested from the customer', customer: 'Video request closed' },
    meta: { agent: 'This recording link no longer works.', customer: 'This recording link no longer works.' },
  },
};

/**
 * An agent's request for a video clip, with its state like a call invitation's: while it can be
 * used the customer gets the way to the recorder (no install, in the browser) and both see until
 * when; once sent, replaced or expired, both see why and nobody is offered a link that no longer works.
 */
export function ClipRequestCard({ message, viewer, state }: { message: ConversationMessage; viewer: Viewer; state: LinkState }) {
  const a = message.attributes as ClipRequestAttributes;
  if (!a.url) return <p className="message__body">{message.body}</p>;
  const live = state === 'live';
  const title = live ? (viewer === 'agent' ? 'Video clip requested from the customer' : `${message.author} asked you for a short video`) : notUsable[state].title[viewer];
  return (
    <div className={`card card--clip-request${live ? '' : ` card--${state}`}`} data-testid="clip-request-card" data-state={state}>
      <p className="card__title">{title}</p>
      {viewer === 'customer' && live && (
        <a className="card__link" data-testid="record-link" href={a.url} target="_blank" rel="noopener">
          Record a video
        </a>
      )}
      <p className="card__meta">{live ? (a.expiresAt ? `Link valid until ${timeOfDay(a.expiresAt)}.` : '') : notUsable[state].meta[viewer]}</p>
    </div>
  );
}
