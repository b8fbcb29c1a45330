import React, { useEffect, useRef } from 'react';
import { CLIP_PRIVACY_NOTICE } from '../../domain/consent';

export interface ClipCountdownProps {
  /** 3, 2, 1; 0 or less while the take's room is being made. */
  count: number;
  starting: boolean;
  onCancel(): void;
}

/** 3-2-1 before the take, with the privacy reminder and a way out. */
export function ClipCountdown({ count, starting, onCancel }: ClipCountdownProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="vx-clip__screen vx-clip__countdown" data-testid="clip-countdown">
      <h2 className="vx-clip__title">{starting ? 'Starting…' : 'Recording starts in'}</h2>
      {/* The live region says "Recording starts in 3 seconds" once; the numbers are for the eyes. */}
      {!starting && (
        <p className="vx-clip__count" aria-hidden="true" data-testid="clip-count">
          {count}
        </p>
      )}
      <p className="vx-clip__notice vx-clip__notice--warn">{CLIP_PRIVACY_NOTICE}</p>
      <button ref={cancel} type="button" className="vx-button" data-testid="clip-cancel" aria-disabled={starting} onClick={() => !starting && onCancel()}>
        Cancel
      </button>
    </div>
  );
}
