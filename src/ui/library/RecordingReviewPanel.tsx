import React, { useState } from 'react';
import type { RecordingReview, ReviewResponse, StaffStamp } from '../../api/transcript-corrections-contract';
import type { LibraryViewerRole } from './format';
import { formatWhen } from './format';
import type { TranscriptCorrectionsApi } from './transcript-corrections-api';

const who = (s: StaffStamp): string => s.name || s.identity;

/** The review state in words: what the badge in the list says, and by whom. */
export function reviewText(review: RecordingReview | undefined): string | null {
  if (review?.reviewed) return `Reviewed by ${who(review.reviewed)}, ${formatWhen(review.reviewed.at)}`;
  if (review?.required) return `Review required (asked by ${who(review.required)}, ${formatWhen(review.required.at)})`;
  return null;
}

export interface RecordingReviewPanelProps {
  api: TranscriptCorrectionsApi;
  recordingId: string;
  review: RecordingReview | undefined;
  viewerRole: LibraryViewerRole;
  onChange(review: RecordingReview): void;
}

/**
 * A recording's review: its state, "Mark reviewed" for whoever may correct it, and for
 * supervisors the ticket's "Require review" switch (every recording of the conversation).
 */
export function RecordingReviewPanel({ api, recordingId, review, viewerRole, onChange }: RecordingReviewPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const required = Boolean(review?.required);
  const run = async (call: () => Promise<ReviewResponse>) => {
    setBusy(true);
    setError(null);
    try {
      onChange((await call()).review);
    } catch (e) {
      setError(`Could not change the review: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const said = reviewText(review);
  return (
    <div className="vx-library__review" data-testid="recording-review">
      <p className="vx-library__meta" role="status" data-testid="review-state">
        {said ?? 'No review asked for.'}
      </p>
      {!review?.reviewed && (
        <button type="button" className="vx-button" disabled={busy} onClick={() => run(() => api.markReviewed(recordingId))} data-testid="mark-reviewed">
          Mark reviewed
        </button>
      )}{' '}
      {viewerRole === 'supervisor' && (
        <button
          type="button"
          className="vx-button"
          aria-pressed={required}
          disabled={busy}
          onClick={() => run(() => api.requireReview(recordingId, !required))}
          data-testid="require-review"
        >
          Require review of this ticket
        </button>
      )}
      {error && (
        <p className="vx-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
