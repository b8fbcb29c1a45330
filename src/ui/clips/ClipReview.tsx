import React, { useEffect, useRef } from 'react';
import type { RecorderClip } from '../api/clip-api';
import { formatClock } from './clip-time';
import type { LocalTake } from './local-take-recorder';
import { TakePreview } from './TakePreview';
import type { TakeAction } from './useClipTake';
import { TakeStepButton } from './TakeStepButton';

export interface ClipReviewProps {
  view: RecorderClip;
  preview: LocalTake | null;
  /** The recorder's clock for this take: the preview's length while the file does not say it. */
  takeSeconds?: number;
  /** Said instead of the preview when there is none. */
  previewNote: string | null;
  /** Why the take stopped, when its author did not press Stop. */
  note: string | null;
  busy: TakeAction | null;
  error: string | null;
  onSend(): void;
  onDiscard(): void;
  /** What the sender may add or should know before Send (quality notes, blur, a description). */
  children?: React.ReactNode;
}

/** After recording: what was recorded, then Send or Discard. */
export function ClipReview(props: ClipReviewProps) {
  const { view, busy } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="vx-clip__screen" data-testid="clip-review">
      <h2 className="vx-clip__title" ref={heading} tabIndex={-1}>
        Preview your clip
      </h2>
      {props.note && (
        <p className="vx-clip__notice" data-testid="clip-stop-note">
          {props.note}
        </p>
      )}
      {props.preview ? (
        <TakePreview take={props.preview} recordedSeconds={props.takeSeconds ?? view.recordedSeconds} />
      ) : (
        <p className="vx-clip__notice" data-testid="clip-no-preview">
          {props.previewNote}
        </p>
      )}
      <p className="vx-clip__meta" data-testid="clip-length">
        Length: {formatClock(view.recordedSeconds)}
      </p>
      {props.children}
      <div className="vx-controls" role="group" aria-label="Send or discard your clip">
        <TakeStepButton step="send" busy={busy} onStep={props.onSend} label="Send" busyLabel="Sending…" testId="clip-send" variant="primary" />
        <TakeStepButton step="discard" busy={busy} onStep={props.onDiscard} label="Discard" busyLabel="Discarding…" testId="clip-discard" ariaLabel="Discard this recording" />
      </div>
      {props.error && (
        <p className="vx-error" role="alert" data-testid="clip-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
