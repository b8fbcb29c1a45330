import type { ParticipantRole } from '../domain/escalation';
import type { Composition } from './composer';
import type { ParticipantMedia } from './recording-media';
import type { TranscribedWord } from './transcriber';

/**
 * Where a recording is in the pipeline. Terminal: attached, failed (with a reason), skipped
 * (recording was off). Every other state is resumed by the worker after a restart.
 */
export type PipelineState =
  | 'recorded'
  | 'composing'
  | 'composed'
  | 'transcribing'
  | 'transcribed'
  | 'attached'
  | 'failed'
  | 'skipped';

export const TERMINAL_STATES: readonly PipelineState[] = ['attached', 'failed', 'skipped'];

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
  state: PipelineState;
  /** Why the job failed or was skipped, or the last transcription error while retrying. */
  reason?: string;
  transcribeAttempts: number;
  media?: ParticipantMedia[];
  composition?: Composition;
  transcript?: RecordingTranscript;
  messageId?: string;
  createdAt: string;
  updatedAt: string;
}

export interface PipelineStore {
  /** Inserts the job unless one exists for its room; returns whether it inserted. */
  insertIfAbsent(job: PipelineJob): Promise<boolean>;
  get(roomName: string): Promise<PipelineJob | null>;
  getByRecordingId(recordingId: string): Promise<PipelineJob | null>;
  /** Persists the whole job (single worker per job). */
  save(job: PipelineJob): Promise<void>;
  /** Jobs not in a terminal state, oldest first. */
  listUnfinished(): Promise<PipelineJob[]>;
  listByConversation(conversationId: string): Promise<PipelineJob[]>;
}
