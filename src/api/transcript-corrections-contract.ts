/**
 * Corrected transcripts (#22, H5): staff correct a transcript line (its text or its speaker), mark
 * a recording reviewed, and supervisors require review of a conversation's recordings. One JSON
 * Function, `/transcript-corrections`, answers all three by `action`.
 */

/** Who did something, and when: the identity checks use, the name pages show. */
export interface StaffStamp {
  identity: string;
  name?: string;
  at: string;
}

/**
 * A recording's review state, as the library shows it. "Review required" is `required` without
 * `reviewed`: the requirement is the conversation's (every recording of it), the mark the recording's.
 */
export interface RecordingReview {
  required?: StaffStamp;
  reviewed?: StaffStamp;
}

/** The longest corrected line: far beyond any utterance, short enough for the index and the audit. */
export const CORRECTED_LINE_MAX_CHARS = 2000;

/** A line as the editor saw it: a stale edit (someone saved this line since) is refused with 409 `line_changed`. */
export interface LineAsSeen {
  start: number;
  speaker: string;
  text: string;
}

export interface CorrectLineRequest {
  action: 'correct';
  recordingId: string;
  /** The line's position in the transcript (0-based). */
  line: number;
  expected: LineAsSeen;
  text: string;
  /** One of the transcript's speakers, or "Agent" / "Customer". */
  speaker: string;
}

/** The line as saved (PII in the new text already replaced by markers). */
export interface CorrectedLine {
  line: number;
  start: number;
  end: number;
  speaker: string;
  role: string;
  text: string;
}

export interface CorrectLineResponse {
  line: CorrectedLine;
  /** False when the line already read so (a repeated save): nothing was written twice. */
  changed: boolean;
  /** The new text held personal data, now replaced by markers. */
  redacted: boolean;
}

export interface MarkReviewedRequest {
  action: 'mark_reviewed';
  recordingId: string;
}

/** Supervisors only: every recording of the recording's conversation requires review (or no longer does). */
export interface RequireReviewRequest {
  action: 'require_review';
  recordingId: string;
  required: boolean;
}

export interface ReviewResponse {
  recordingId: string;
  review: RecordingReview;
}

export type TranscriptCorrectionsRequest = CorrectLineRequest | MarkReviewedRequest | RequireReviewRequest;
export type TranscriptCorrectionsResponse = CorrectLineResponse | ReviewResponse;
