import type { LibraryItem, LibraryState, RecordingKind } from '../api/library-contract';
import type { RecordingReview, StaffStamp } from '../api/transcript-corrections-contract';
import type { ClipAuthorRole } from '../domain/clip';

/**
 * One recording as the library stores it: what the list shows and filters by. The item the
 * Functions answer with (LibraryItem) adds the media URLs and the clip's author by name.
 */
export interface LibraryRecord extends Omit<LibraryItem, 'author' | 'mediaUrl' | 'captionsUrl' | 'transcriptUrl'> {
  /**
   * Clips: who recorded it, read from the clip's own row when the recording is read (`upsert`
   * ignores it); absent on calls and on a clip whose row is gone.
   */
  clipAuthorRole?: ClipAuthorRole;
  /** Review state (0019), read with the row (`upsert` ignores it); absent when nothing was asked or done. */
  review?: RecordingReview;
}

/** What changes while the pipeline (and retention) works on a recording. */
export type LibraryProgress = Pick<LibraryRecord, 'state' | 'durationSeconds' | 'hasTranscript' | 'pii' | 'mediaDeleted'>;

/** One speaker-labelled transcript line, on the recording's timeline (seconds). */
export interface TranscriptLine {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

/**
 * One saved correction of a transcript line (0019): who, when, the line before and after. Both
 * texts are the redacted ones (the stored transcript never holds PII, so neither does this).
 */
export interface TranscriptCorrection {
  id: string;
  recordingId: string;
  line: number;
  start: number;
  before: { speaker: string; text: string };
  after: { speaker: string; text: string };
  by: StaffStamp;
}

/** The filter as the store applies it: already checked and narrowed to what the caller may see. */
export interface LibraryQueryFilter {
  agentIdentity?: string;
  /** Inclusive lower bound on `endedAt` (ISO). */
  endedFrom?: string;
  /** Exclusive upper bound on `endedAt` (ISO). */
  endedBefore?: string;
  kind?: RecordingKind;
  minSeconds?: number;
  maxSeconds?: number;
  state?: LibraryState;
}

/** Where a list page ends: newest first by (endedAt, recordingId). */
export interface ListPosition {
  endedAt: string;
  recordingId: string;
}

/** A transcript line that matched, with `[from, to)` ranges of `text` the engine matched. */
export interface LineHit {
  /** The line's position in the search order (newest recording first, then line order); opaque. */
  lineKey: string;
  recording: LibraryRecord;
  start: number;
  end: number;
  speaker: string;
  text: string;
  highlights: [number, number][];
}

/**
 * The supervisors' recordings library (#10): one row per recording, kept up to date by the
 * pipeline, and its transcript lines in the engine's own full-text index. Both engines: the SQL
 * store (SQLite FTS5 locally, PostgreSQL tsvector + GIN on Twilio).
 */
export interface RecordingLibrary {
  /** Updates a recording already in the library; false when it is not there yet. */
  updateProgress(recordingId: string, progress: LibraryProgress): Promise<boolean>;
  /** Inserts the recording, or replaces every column of it. */
  upsert(record: LibraryRecord): Promise<void>;
  /** Replaces the recording's transcript lines (a recording must be in the library first); none (erasure, retention) also drops its corrections. */
  replaceLines(recordingId: string, lines: TranscriptLine[]): Promise<void>;
  get(recordingId: string): Promise<LibraryRecord | null>;
  /** Up to `limit` recordings after `after`, newest first. */
  list(query: { filter: LibraryQueryFilter; after?: ListPosition; limit: number }): Promise<LibraryRecord[]>;
  /**
   * Up to `limit` lines matching every word of `text` (as words: no query syntax reaches the
   * engine), after the line `afterKey`, newest recording first and in line order within one.
   */
  search(query: { text: string; filter: LibraryQueryFilter; afterKey?: string; limit: number }): Promise<LineHit[]>;
  /** Appends the correction; one whose id is already there is a no-op. */
  recordCorrection(correction: TranscriptCorrection): Promise<void>;
  /** The recording's corrections, oldest first. */
  listCorrections(recordingId: string): Promise<TranscriptCorrection[]>;
  /** Marks the recording reviewed; the first mark stays. False when it is not in the library. */
  markReviewed(recordingId: string, by: StaffStamp): Promise<boolean>;
  /** Every recording of the conversation requires review (`by`), or no longer does (null). The first requirement stays. */
  setReviewRequired(conversationId: string, by: StaffStamp | null): Promise<void>;
}
