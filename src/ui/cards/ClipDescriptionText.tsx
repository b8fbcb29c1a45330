import React, { useEffect, type RefObject } from 'react';

/** Where the description came from: the sender wrote it, or it is key sentences of the transcript. */
export type DescriptionSource = 'sender' | 'transcript';

/** A clip's description under its player, visible to everyone and read out with the video. */
export function ClipDescriptionText({ id, text, source }: { id: string; text: string; source?: DescriptionSource }) {
  return (
    <p className="card__meta card__description" id={id} data-testid="clip-description" data-source={source ?? 'sender'}>
      <strong>Description{source === 'transcript' ? ' (key sentences from the transcript)' : ''}:</strong> {text}
    </p>
  );
}

/**
 * Points the card's video at its description (aria-describedby), so a screen reader reads it
 * with the player. The player is shared and mounts its video later (once the media is opened), so
 * this looks for it after each render.
 */
export function useVideoDescribedBy(card: RefObject<HTMLElement>, descriptionId: string | undefined): void {
  useEffect(() => {
    const video = card.current?.querySelector('video');
    if (!video) return;
    if (descriptionId) video.setAttribute('aria-describedby', descriptionId);
    else video.removeAttribute('aria-describedby');
  });
}
