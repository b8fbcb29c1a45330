import React, { useEffect, useRef } from 'react';
import type { RecorderClip } from '../api/clip-api';
import { formatClock } from './clip-time';
import type { TakeAction } from './useClipTake';

export interface ClipRecordingProps {
  paused: boolean;
  seconds: number;
  view: Pick<RecorderClip, 'maxSeconds' | 'warnAtSeconds'>;
  busy: TakeAction | null;
  error: string | null;
  onPause(): void;
  onResume(): void;
  onStop(): void;
  onRetake(): void;
  /** The live picture (TakeStage). */
  children?: React.ReactNode;
}

/**
 * While recording: state, timer (read on demand, never announced each second: the recorder's live
 * region speaks at each minute and at the warning), the live picture, and Pause/Resume, Stop, Retake.
 * Busy buttons stay focusable (aria-disabled) so a keyboard user keeps their place.
 */
export function ClipRecording(props: ClipRecordingProps) {
  const { paused, seconds, view, busy } = props;
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => toggle.current?.focus(), []);
  const left = Math.max(0, Math.ceil(view.maxSeconds - seconds));
  const warn = seconds >= view.warnAtSeconds;
  const act = (action: () => void) => () => {
    if (!busy) action();
  };

  return (
    <div className="vx-clip__screen" data-testid="clip-recording" data-paused={paused}>
      <div className="vx-clip__bar">
        <h2 className="vx-clip__state" data-testid="clip-state">
          <span className={`vx-clip__dot${paused ? ' vx-clip__dot--paused' : ''}`} aria-hidden="true" />
          {paused ? 'Paused' : 'Recording'}
        </h2>
        <p className="vx-clip__timer" role="timer" data-testid="clip-timer">
          <span className="vx-visually-hidden">Recorded time </span>
          {formatClock(seconds)}
          <span className="vx-clip__limit"> / {formatClock(view.maxSeconds)}</span>
        </p>
        {warn && (
          <p className="vx-clip__warn" data-testid="clip-warning">
            {left} seconds left
          </p>
        )}
      </div>
      {props.children}
      <div className="vx-controls" role="group" aria-label="Recording controls">
        <button
          ref={toggle}
          type="button"
          className="vx-button"
          data-testid="clip-pause"
          aria-disabled={!!busy}
          aria-busy={busy === 'pause' || busy === 'resume'}
          onClick={act(paused ? props.onResume : props.onPause)}
        >
          {busy === 'pause' ? 'Pausing…' : busy === 'resume' ? 'Resuming…' : paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="vx-button vx-button--danger" data-testid="clip-stop" aria-disabled={!!busy} aria-busy={busy === 'stop'} onClick={act(props.onStop)}>
          {busy === 'stop' ? 'Stopping…' : 'Stop'}
        </button>
        <button
          type="button"
          className="vx-button"
          data-testid="clip-retake"
          aria-label="Retake: discard this recording and start again"
          aria-disabled={!!busy}
          aria-busy={busy === 'retake'}
          onClick={act(props.onRetake)}
        >
          Retake
        </button>
      </div>
      {props.error && (
        <p className="vx-error" role="alert" data-testid="clip-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
