import React, { useState } from 'react';

export interface EscalateButtonProps {
  conversationId: string;
  onEscalate(conversationId: string): Promise<void>;
  /** Set by the host while a call is already open for this conversation. */
  disabled?: boolean;
  /** Label override, e.g. "Rejoin video" when the conversation is already on video. */
  label?: string;
}

/** "Escalate to video": shows progress while the room is made, and says what failed if it does. */
export function EscalateButton({ conversationId, onEscalate, disabled = false, label = 'Escalate to video' }: EscalateButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const click = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onEscalate(conversationId);
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : 'Could not start the video call.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="vx-escalate">
      <button
        type="button"
        className="vx-button vx-button--primary"
        data-testid="escalate-button"
        // Stays focusable while busy (aria-disabled), so keyboard focus is not thrown away.
        disabled={disabled}
        aria-disabled={busy || undefined}
        aria-busy={busy}
        onClick={click}
      >
        {busy ? 'Starting video…' : label}
      </button>
      {error && (
        <p className="vx-error" role="alert" data-testid="escalate-error">
          {error}
        </p>
      )}
    </div>
  );
}
