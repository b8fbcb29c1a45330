import type { ParticipantRole } from '../domain/escalation';
import type { LeftOutTrack } from '../domain/media';
import type { ExternalStatus } from '../domain/pipeline-job';
import type { RoomRef } from './rooms';

/** A composition the provider is making (Twilio `CJ…`, a local ffmpeg job). */
export interface StartedComposition {
  compositionId: string;
  /** Usually 'pending' (the result arrives as an event); 'ready' when the adapter had it at once. */
  status: ExternalStatus;
  durationSeconds?: number;
}

/** One speaker's audio-only composition, the transcriber's input. */
export interface SpeechComposition extends StartedComposition {
  participantIdentity: string;
  role: ParticipantRole | 'unknown';
  /** Seconds from the call's start to the start of this composition's audio. */
  startOffsetSeconds: number;
}

export interface CompositionStatus {
  /** 'unknown': the provider no longer knows it (a local job lost in a crash): request it again. */
  status: ExternalStatus | 'unknown';
  durationSeconds?: number;
}

/**
 * Turns a room's recorded tracks into one grid video plus one audio-only composition per
 * speaker. Asynchronous: `start` only asks; each composition reports back through the core's
 * `compositionReady` / `compositionFailed`. Twilio: Compositions + status callbacks. Local:
 * janus-pp-rec + ffmpeg, reporting in-process.
 */
/**
 * How the video is laid out. 'grid': a live call, one tile per participant. 'pip': a clip, the
 * screen fills the frame at its own resolution and the camera sits in a corner over it (camera
 * alone fills the frame) and the stretches where nothing was recorded (a clip's pauses) are cut.
 * A call's grid keeps its real timeline.
 */
export type VideoLayout = 'grid' | 'pip';

export interface ComposeOptions {
  layout: VideoLayout;
}

export interface StartedCompositions {
  video: StartedComposition | null;
  speech: SpeechComposition[];
  leftOut?: LeftOutTrack[];
}

export interface Composer {
  /**
   * Returns no video composition when the room recorded no usable track at all. Tracks with no
   * media (never started, header only, unreadable) are left out of every composition and listed
   * in `leftOut`, so the rest of the recording is still made.
   */
  start(room: RoomRef, recordingId: string, options?: ComposeOptions): Promise<StartedCompositions>;
  /** Where a composition stands, for resuming a job whose events were lost. */
  status(compositionId: string): Promise<CompositionStatus>;
}
