import React from 'react';

/**
 * Says, for the whole time the room records, that it does: visibly (a red dot and the word) and
 * to screen readers once, politely, when the call starts. Renders nothing when not recording.
 */
export function RecordingIndicator({ recording }: { recording: boolean }) {
  if (!recording) return null;
  return (
    <p className="vx-recording" role="status" aria-live="polite" data-testid="recording-indicator">
      <span className="vx-recording__dot" aria-hidden="true" />
      Recording
    </p>
  );
}
