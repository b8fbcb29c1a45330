import React, { useState } from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { timeOfDay } from './format';
import type { LinkState } from './link-state';

export type Viewer = 'agent' | 'customer';

interface LinkAttributes {
  url?: string;
  expiresAt?: string;
  recording?: boolean;
}

/** Why an invitation no longer joins, in the reader's terms. */
const notUsable: Record<Exclude<LinkState, 'live'>, { agent: string; customer: string }> = {
  ended: { agent: 'This video call has ended.', customer: 'This video call has ended.' },
  expired: { agent: 'This link expired before it was used.', customer: 'This invitation has expired. Ask the agent for a new one.' },
  replaced: { agent: 'A newer link replaced this one.', customer: 'A newer invitation replaced this one: use the latest one below.' },
  // A call link is never 'fulfilled' (that is a clip request's end); read it as a call that is over.
  fulfilled: { agent: 'This video call has ended.', customer: 'This video call has ended.' },
};

export interface LinkCardProps {
  message: ConversationMessage;
  viewer: Viewer;
  state: LinkState;
  /** Agent only: sends the customer a fresh link for the same call (offered once this one expired). */
  onResend?(): Promise<void>;
}

/**
 * A video call invitation in the chat. While it can be used, the customer gets the way in and the
 * agent a copy of the link; once it cannot, both see why (ended, expired, replaced) and no button.
 */
export function LinkCard({ message, viewer, state, onResend }: LinkCardProps) {
  const a = message.attributes as LinkAttributes;
  const [copied, setCopied] = useState(false);
  const [resend, setResend] = useState<'idle' | 'sending' | 'failed'>('idle');
  if (!a.url) return <p className="message__body">{message.body}</p>;
  const url = a.url;
  const live = state === 'live';
  const title = viewer === 'agent' ? 'Video call link sent to the customer' : `Video call invitation from ${message.author}`;
  return (
    <div className={`card card--link card--${state}`} data-testid="link-card" data-state={state}>
      <p className="card__title">{title}</p>
      {live && viewer === 'customer' && (
        <a className="card__link" data-testid="join-link" href={url}>
          Join the video call
        </a>
      )}
      {live ? (
        <p className="card__meta">
          {a.recording ? 'This call is recorded and transcribed. ' : ''}
          {a.expiresAt ? `Link valid until ${timeOfDay(a.expiresAt)}.` : ''}
        </p>
      ) : (
        <p className="card__meta card__state" data-testid="link-state">
          {notUsable[state][viewer]}
        </p>
      )}
      {live && viewer === 'agent' && (
        <button
          type="button"
          className="vx-button"
          data-testid="copy-link-button"
          onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? 'Link copied' : 'Copy link'}
        </button>
      )}
      {state === 'expired' && viewer === 'agent' && onResend && (
        <button
          type="button"
          className="vx-button"
          data-testid="resend-link-button"
          disabled={resend === 'sending'}
          onClick={() => {
            setResend('sending');
            onResend().then(() => setResend('idle'), () => setResend('failed'));
          }}
        >
          {resend === 'sending' ? 'Sending…' : 'Send a new link'}
        </button>
      )}
      {resend === 'failed' && (
        <p className="vx-error" role="alert">
          Could not send a new link. Try again.
        </p>
      )}
    </div>
  );
}
