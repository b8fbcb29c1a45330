import React from 'react';
import { PENDING_STATES, progressLine, type RecordingProgressEntry } from './progress-steps';

export interface RecordingProgressProps {
  /** The conversation's `videoRecordings` attribute (keyed by recording id), if any. */
  recordings: unknown;
}

/** Where the call recordings and clips being processed stand, announced politely to screen readers. */
export function RecordingProgress({ recordings }: RecordingProgressProps) {
  const pending = Object.values(isRecord(recordings) ? recordings : {}).filter(
    (r): r is RecordingProgressEntry => isRecord(r) && typeof r.state === 'string' && PENDING_STATES.includes(r.state),
  );
  if (pending.length === 0) return null;
  return (
    <div className="vx-progress" role="status" data-testid="recording-progress">
      {pending.map((r) => {
        const line = progressLine(r);
        return (
          <p key={r.recordingId} className="vx-progress__line">
            {line.what}: {line.doing}… <span className="vx-progress__step">(step {line.step} of {line.steps})</span>
            <progress max={line.steps} value={line.step} aria-label={`${line.what} processing progress`} />
          </p>
        );
      })}
    </div>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
