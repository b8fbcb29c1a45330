import React, { useState } from 'react';

export interface AsyncActionButtonProps {
  label: string;
  busyLabel: string;
  /** Said when the action fails without a message of its own. */
  failure: string;
  testId: string;
  onClick(): Promise<void>;
  disabled?: boolean;
  primary?: boolean;
}

/** A button for one server action: shows progress while it runs and says what failed if it does. */
export function AsyncActionButton({ label, busyLabel, failure, testId, onClick, disabled = false, primary = false }: AsyncActionButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const click = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onClick();
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="vx-escalate">
      <button
        type="button"
        className={primary ? 'vx-button vx-button--primary' : 'vx-button'}
        data-testid={testId}
        // Stays focusable while busy (aria-disabled), so keyboard focus is not thrown away.
        disabled={disabled}
        aria-disabled={busy || undefined}
        aria-busy={busy}
        onClick={click}
      >
        {busy ? busyLabel : label}
      </button>
      {error && (
        <p className="vx-error" role="alert" data-testid={`${testId.replace(/-button$/, '')}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
