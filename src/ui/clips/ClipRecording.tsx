import React, { useEffect, useRef } from 'react';
import type { RecorderClip } from '../api/clip-api';
import { formatClock } from './clip-time';
import type { TakeAction } from './useClipTake';
import { TakeStepButton } from './TakeStepButton';

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
        <TakeStepButton
          ref={toggle}
          step={paused ? 'resume' : 'pause'}
          busy={busy === 'pause' || busy === 'resume' ? (paused ? 'resume' : 'pause') : busy}
          onStep={paused ? props.onResume : props.onPause}
          label={paused ? 'Resume' : 'Pause'}
          busyLabel={busy === 'pause' ? 'Pausing…' : 'Resuming…'}
          testId="clip-pause"
        />
        <TakeStepButton step="stop" busy={busy} onStep={props.onStop} label="Stop" busyLabel="Stopping…" testId="clip-stop" variant="danger" />
        <TakeStepButton
          step="retake"
          busy={busy}
          onStep={props.onRetake}
          label="Retake"
          busyLabel="Retake"
          testId="clip-retake"
          ariaLabel="Retake: discard this recording and start again"
        />
      </div>
      {props.error && (
        <p className="vx-error" role="alert" data-testid="clip-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
