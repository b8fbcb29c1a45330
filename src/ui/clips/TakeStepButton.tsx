import React, { forwardRef } from 'react';
import type { TakeAction } from './useClipTake';

export interface TakeStepButtonProps {
  /** The take step this button asks the server for. */
  step: TakeAction;
  /** The step in flight, if any: every step button waits for it. */
  busy: TakeAction | null;
  onStep(): void;
  label: string;
  /** Said while its own step runs ("Stopping…"). */
  busyLabel: string;
  testId: string;
  ariaLabel?: string;
  variant?: 'primary' | 'danger';
}

/**
 * One step of a take (pause, resume, stop, retake, send, discard) as a button. While any step is
 * in flight it stays focusable but inert (aria-disabled, not disabled), so a keyboard user keeps
 * their place, and the one running says so (aria-busy and its busy label).
 */
export const TakeStepButton = forwardRef<HTMLButtonElement, TakeStepButtonProps>(function TakeStepButton(p, ref) {
  return (
    <button
      ref={ref}
      type="button"
      className={`vx-button${p.variant ? ` vx-button--${p.variant}` : ''}`}
      data-testid={p.testId}
      aria-label={p.ariaLabel}
      aria-disabled={!!p.busy}
      aria-busy={p.busy === p.step}
      onClick={() => {
        if (!p.busy) p.onStep();
      }}
    >
      {p.busy === p.step ? p.busyLabel : p.label}
    </button>
  );
});
