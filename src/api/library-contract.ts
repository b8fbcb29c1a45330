import type { ClipAuthorRole } from '../domain/clip';
import type { MediaAccess } from '../domain/escalation';
import type { MediaDeletedInfo } from './privacy-contract';
import type { RecordingReview } from './transcript-corrections-contract';

/**
 * The supervisors' issue (#10): the recordings library, transcript search and live-call
 * monitoring, as the Functions answer them and every page reads them. Staff calls carry the
 * agent's or supervisor's token the Flex way (`Token` in the body).
 */

export type RecordingKind = 'call' | 'clip';
/** The pipeline's state, summarised for a list. */
export type LibraryState = 'processing' | 'ready' | 'failed' | 'not_recorded';

export interface LibraryFilter {
  /** Supervisors only (agents always get their own). */
  agentIdentity?: string;
  /** ISO dates, inclusive, on the recording's end time. */
  from?: string;
  to?: string;
  kind?: RecordingKind;
  minSeconds?: number;
  maxSeconds?: number;
  state?: LibraryState;
}

/** Who recorded a clip: the conversation's customer or its agent, by the names the row shows. */
export interface ClipAuthor {
  name: string;
  role: ClipAuthorRole;
}

export interface LibraryItem {
  recordingId: string;
  conversationId: string;
  kind: RecordingKind;
  agentIdentity: string;
  agentName: string;
  customerName: string;
  /** Clips only: who made it (a customer's clip and the agent's reply share agent and customer). */
  author?: ClipAuthor;
  endedAt: string;
  durationSeconds: number;
  state: LibraryState;
  hasTranscript: boolean;
  mediaUrl?: string;
  captionsUrl?: string;
  transcriptUrl?: string;
  /** PII was found (and redacted) in its transcript (#11): the media goes at close when DELETE_PII_MEDIA_AT_CLOSE. */
  pii?: boolean;
  /** Its media was deleted (retention, PII at close, erasure); no mediaUrl then. */
  mediaDeleted?: MediaDeletedInfo;
  /** Review of a flagged ticket (#22): required by a supervisor, and whether someone reviewed it. */
  review?: RecordingReview;
}

/** Newest first; `cursor` is the opaque `nextCursor` of the previous page (signed: tampering is a 400). */
export interface ListRecordingsRequest extends LibraryFilter {
  cursor?: string;
  limit?: number;
}

/** POST /recordings: a page of the list, or with `recordingId` that one recording as a one-item page. */
export interface RecordingsRequest extends ListRecordingsRequest {
  recordingId?: string;
}

export interface ListRecordingsResponse {
  items: LibraryItem[];
  nextCursor?: string;
}

export interface SearchTranscriptsRequest extends LibraryFilter {
  query: string;
  cursor?: string;
  limit?: number;
}

/** One transcript line that matched, with the matched words marked for highlighting. */
export interface SearchHit {
  recording: LibraryItem;
  start: number;
  end: number;
  speaker: string;
  text: string;
  /** [from, to) character ranges of `text` that matched the query. */
  highlights: [number, number][];
}

export interface SearchTranscriptsResponse {
  hits: SearchHit[];
  nextCursor?: string;
}

/** A call in progress, for the supervisors' live list. */
export interface LiveCall {
  escalationId: string;
  conversationId: string;
  agentName: string;
  customerName: string;
  startedAt: string;
  recording: boolean;
}

export interface LiveCallsResponse {
  calls: LiveCall[];
}

export interface MonitorRequest {
  escalationId: string;
  /** Barge in: join with audio, announced to everyone. Default: silent, subscribe only. */
  bargeIn?: boolean;
}

export interface MonitorResponse {
  monitoringId: string;
  access: MediaAccess;
}

export interface StopMonitorRequest {
  monitoringId: string;
}

/** The body of POST /monitor (added by the monitoring work): start a session or stop one. */
export type MonitorCall = ({ action: 'start' } & MonitorRequest) | ({ action: 'stop' } & StopMonitorRequest);

export interface StopMonitorResponse {
  monitoringId: string;
  endedAt: string;
}

export type RecordingFile = 'video.mp4' | 'captions.vtt' | 'transcript.json';

/**
 * POST (or GET: the artifact URLs name it in the query) /recording-media: staff by token, the
 * customer by `linkToken`.
 */
export interface RecordingMediaRequest {
  recordingId: string;
  file: RecordingFile;
  linkToken?: string;
}

/** The video as a short-lived URL for the player; captions and transcript as content. */
export type RecordingMediaResponse = { url: string } | { content: string; contentType: string };
