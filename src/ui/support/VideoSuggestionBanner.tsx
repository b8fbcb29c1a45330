import React, { useEffect, useState } from 'react';
import type { VideoSuggestion } from '../../api/support-ticket-contract';
import type { VideoMedium } from '../../domain/support-events';
import { useFieldIds } from '../hooks/useFieldIds';

export interface VideoSuggestionBannerProps {
  suggestion: VideoSuggestion;
  /** Sends the invitation (a clip request or a call) with the agent's words before the link. */
  onSend(medium: VideoMedium, message: string): Promise<void>;
  onDismiss(): Promise<void>;
}

/**
 * "Video may help here": why (one line per reason), the seed's invitation ready to edit, and
 * three actions. Announced once when it appears (role=status on the heading line only), never
 * re-read as the agent edits; Escape does not dismiss it by accident, the button does.
 */
export function VideoSuggestionBanner({ suggestion, onSend, onDismiss }: VideoSuggestionBannerProps) {
  const [medium, setMedium] = useState<VideoMedium>('clip');
  const [message, setMessage] = useState(suggestion.messages.clip);
  const [edited, setEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useFieldIds('suggestion');
  // Switching between clip and call swaps in the other template unless the agent already wrote their own.
  useEffect(() => {
    if (!edited) setMessage(suggestion.messages[medium]);
  }, [medium, edited, suggestion]);

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : 'That did not work. Please try again.');
      setBusy(false);
    }
  };

  return (
    <section className="vx-suggestion" aria-labelledby={`${ids}-title`} data-testid="video-suggestion">
      <h3 id={`${ids}-title`} role="status">
        Video may help here
      </h3>
      <ul className="vx-suggestion__why">
        {suggestion.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <fieldset className="vx-suggestion__medium">
        <legend>Offer</legend>
        <label>
          <input type="radio" name={`${ids}-medium`} checked={medium === 'clip'} onChange={() => setMedium('clip')} /> A short video from the customer
        </label>
        <label>
          <input type="radio" name={`${ids}-medium`} checked={medium === 'call'} onChange={() => setMedium('call')} /> A live video call
        </label>
      </fieldset>
      <label htmlFor={`${ids}-message`}>Message to the customer (the link is added after it)</label>
      <textarea
        id={`${ids}-message`}
        data-testid="video-suggestion-message"
        rows={3}
        maxLength={600}
        value={message}
        onChange={(e) => {
          setEdited(true);
          setMessage(e.target.value);
        }}
      />
      {error && (
        <p className="vx-error" role="alert">
          {error}
        </p>
      )}
      <div className="vx-suggestion__actions">
        <button
          type="button"
          className="vx-button vx-button--primary"
          data-testid="video-suggestion-send"
          disabled={busy || !message.trim()}
          onClick={() => void act(() => onSend(medium, message.trim()))}
        >
          {medium === 'clip' ? 'Send the clip request' : 'Start the video call'}
        </button>
        <button type="button" className="vx-button" data-testid="video-suggestion-dismiss" disabled={busy} onClick={() => void act(onDismiss)}>
          Not now
        </button>
      </div>
    </section>
  );
}
