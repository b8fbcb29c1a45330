import React from 'react';
import { AsyncActionButton } from './AsyncActionButton';

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
  return (
    <AsyncActionButton
      label={label}
      busyLabel="Starting video…"
      failure="Could not start the video call."
      testId="escalate-button"
      primary
      disabled={disabled}
      onClick={() => onEscalate(conversationId)}
    />
  );
}
