/**
 * The recording pipeline's job model: one persisted job per room, advanced one step per event
 * (src/core/pipeline/DESIGN-NOTE.md). Stored by the PipelineStore port; read by the core and UI.
 */
import type { ClipRef } from './clip';
import type { ParticipantRole } from './escalation';
import type { LeftOutTrack } from './media';
import type { MediaDeletion, PiiKind } from './privacy';
import type { WatchLinkState } from './watch-link';

/** One recognized word, times in seconds from the start of the transcribed audio. */
export interface TranscribedWord {
  word: string;
  start: number;
  end: number;
}

/** One utterance (the engine's own segmentation, usually split at pauses). */
export interface TranscribedSegment {
  start: number;
  end: number;
  text: string;
  /** Word timings when the engine gives them; captions fall back to spreading words evenly. */
  words: TranscribedWord[];
}

/**
 * Where a recording is in the pipeline. The job waits on external work (compositions,
 * transcripts) between states; each event advances it by one step.
 * - recorded: the room ended, nothing requested yet
 * - composing: compositions are being requested (claimed by one worker)
 * - processing: compositions and transcripts requested; waiting on their events
 *   (the recording message goes out with the video as soon as the video is ready; the transcript
 *   is added to that same message when it comes)
 * - attaching: every part has ended (transcripts ready or given up); the message is being
 *   completed (claimed by one worker)
 * Terminal: attached (a reason when the transcript could not be made), failed (with a reason),
 * skipped (recording was off).
 */
export type PipelineState = 'recorded' | 'composing' | 'processing' | 'attaching' | 'attached' | 'failed' | 'skipped';

export const TERMINAL_STATES: readonly PipelineState[] = ['attached', 'failed', 'skipped'];

export type ExternalStatus = 'pending' | 'ready' | 'failed';

/** The grid video composition the job waits on. */
export interface VideoStep {
  compositionId: string;
  status: ExternalStatus;
  durationSeconds?: number;
}

/** One speaker: their audio-only composition, then its transcript. */
export interface SpeakerStep {
  participantIdentity: string;
  role: ParticipantRole | 'unknown';
  /** Seconds from the call's start to the start of this speaker's audio composition. */
  startOffsetSeconds: number;
  compositionId: string;
  compositionStatus: ExternalStatus;
  /** The transcript the job waits on (Twilio `GT…`, local job id); set once requested. */
  transcriptId?: string;
  transcriptStatus?: ExternalStatus;
  transcribeAttempts: number;
  /** After a failed attempt: not before this ISO time (persisted, so a restart keeps the backoff). */
  nextAttemptAt?: string;
  segments?: TranscribedSegment[];
  /** Why transcription gave up on this speaker (transcriptStatus 'failed'); the video goes out anyway. */
  failure?: string;
}

/** One speaker's utterance on the call's timeline. */
export interface SpeakerSegment {
  /** Display label: 'Agent', 'Customer', 'Customer 2', … */
  speaker: string;
  role: ParticipantRole | 'unknown';
  participantIdentity: string;
  start: number;
  end: number;
  text: string;
  words: TranscribedWord[];
}

export interface RecordingTranscript {
  engine: string;
  segments: SpeakerSegment[];
}

/** The pipeline's persisted state for one room: the idempotency key is `roomName`. */
export interface PipelineJob {
  roomName: string;
  roomSid: string;
  conversationId: string;
  escalationId: string;
  /** Stable for the room's whole life: every retry writes to the same recording. */
  recordingId: string;
  recording: boolean;
  endedAt: string;
  /** Absent on jobs stored before clips existed: a call. */
  kind?: 'call' | 'clip';
  clip?: ClipRef;
  state: PipelineState;
  /** Why the job failed or was skipped, or the last error of a step while it is retried. */
  reason?: string;
  /** Failed compose attempts so far, and when the next may run (ISO): the retry state of composing. */
  composeAttempts?: number;
  nextAttemptAt?: string;
  video?: VideoStep;
  speakers?: SpeakerStep[];
  /** Recorded tracks the compositions left out (no media, cut at the first packet), with why. */
  leftOut?: LeftOutTrack[];
  transcript?: RecordingTranscript;
  /** The one recording message, once posted (with the video; the transcript follows in place). */
  messageId?: string;
  /** Claim: one worker is posting the video-first message (cleared when messageId is recorded). */
  postingMessage?: boolean;
  /** Failed attempts to post or complete the message; retried at nextAttemptAt, bounded. */
  attachAttempts?: number;
  /** PII the transcript redaction found (the stored transcript holds markers, never the PII itself). */
  pii?: PiiKind[];
  /** The media's deletion under retention, PII-at-close or erasure (#11); the transcript stays unless erased. */
  mediaDeletion?: MediaDeletion;
  /** When the transcript and captions were deleted (RETENTION_TRANSCRIPT_DAYS) or erased on request. */
  transcriptDeletedAt?: string;
  /** The customer's watch link this recording honours (absent: none sent yet, or not for the customer). */
  watchLink?: WatchLinkState;
  /** Optimistic concurrency: bumped by every save, so two writers never both advance one job. */
  version: number;
  createdAt: string;
  updatedAt: string;
}
