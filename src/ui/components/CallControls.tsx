import React, { useState } from 'react';

export interface CallControlsProps {
  audioEnabled: boolean;
  videoEnabled: boolean;
  screenSharing: boolean;
  /** False where the browser has no getDisplayMedia (most phones): the button is not offered. */
  canShareScreen: boolean;
  onToggleMicrophone(): void;
  onToggleCamera(): Promise<void> | void;
  onToggleScreenShare(): Promise<void> | void;
  onLeave(): void;
  /** Extra buttons after Leave, e.g. the agent's "End call for everyone". */
  children?: React.ReactNode;
}

/** The call's buttons: real <button>s, so Tab, Enter and Space work and focus is visible. */
export function CallControls(props: CallControlsProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  const fail = (e: unknown) => setError(e instanceof Error && e.message ? e.message : 'That did not work. Please try again.');
  // Async actions (camera, screen) mark their button busy until they settle; sync ones don't re-render twice.
  // Busy buttons stay focusable (aria-disabled, not disabled): a disabled button drops keyboard
  // focus to the page, so a keyboard user would lose their place after pressing it.
  const run = (name: string, action: () => Promise<void> | void) => () => {
    if (pending === name) return;
    setError(null);
    try {
      const result = action();
      if (result instanceof Promise) {
        setPending(name);
        result.catch(fail).finally(() => setPending(null));
      }
    } catch (e) {
      fail(e);
    }
  };

  const muted = !props.audioEnabled;
  const cameraOff = !props.videoEnabled;
  return (
    <div className="vx-controls" role="group" aria-label="Call controls">
      <button
        type="button"
        className="vx-button"
        data-testid="mute-button"
        aria-pressed={muted}
        aria-label={muted ? 'Unmute microphone' : 'Mute microphone'}
        onClick={run('mic', props.onToggleMicrophone)}
      >
        {muted ? 'Unmute' : 'Mute'}
      </button>
      <button
        type="button"
        className="vx-button"
        data-testid="camera-button"
        aria-pressed={cameraOff}
        aria-label={cameraOff ? 'Turn camera on' : 'Turn camera off'}
        aria-disabled={pending === 'camera'}
        aria-busy={pending === 'camera'}
        onClick={run('camera', props.onToggleCamera)}
      >
        {cameraOff ? 'Camera on' : 'Camera off'}
      </button>
      {props.canShareScreen && (
        <button
          type="button"
          className="vx-button"
          data-testid="screen-button"
          aria-pressed={props.screenSharing}
          aria-label={props.screenSharing ? 'Stop sharing your screen' : 'Share your screen'}
          aria-disabled={pending === 'screen'}
        aria-busy={pending === 'screen'}
          onClick={run('screen', props.onToggleScreenShare)}
        >
          {props.screenSharing ? 'Stop sharing' : 'Share screen'}
        </button>
      )}
      <button type="button" className="vx-button vx-button--leave" data-testid="leave-button" aria-label="Leave the call" onClick={props.onLeave}>
        Leave
      </button>
      {props.children}
      {error && (
        <p className="vx-error" role="alert" data-testid="control-error">
          {error}
        </p>
      )}
    </div>
  );
}
