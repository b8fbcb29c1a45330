import type { CompositionStatus } from '../../../ports/composer';
import type { ClipAnnotation } from '../../../domain/clip-annotations';
import type { MuteSpan } from '../../privacy/pii/mute-spans';

/** What one finishing pass burns into the video and silences in its audio. */
export interface FinishPlan {
  annotations: ClipAnnotation[];
  muteSpans: MuteSpan[];
}

/** One finishing pass: the composer's video in, the finished video out under `finishId`. */
export interface FinishRequest {
  roomName: string;
  recordingId: string;
  finishId: string;
  /** The composer's unfinished video (Twilio `CJ…`, the local composition id). */
  sourceCompositionId: string;
  durationSeconds?: number;
  plan: FinishPlan;
}

/**
 * Burns a job's annotations into its video and silences its mute spans, in one ffmpeg pass, then
 * puts the finished video where the recording's video is played from and deletes the unfinished
 * one. Asynchronous like a composition: the result comes back through the core's
 * `compositionReady` / `compositionFailed` with `finishId` as the composition id. Local: in-process
 * ffmpeg over the sealed file. Twilio: a row for the media worker.
 */
export interface VideoFinisher {
  /** Idempotent per `finishId`: asking again while it runs, or after it ended, starts nothing new. */
  start(request: FinishRequest): Promise<void>;
  /**
   * Where a finish stands, for resuming a job whose report was lost. One never started (or lost
   * with its process) is 'pending': the pipeline's next step starts it again; never 'unknown',
   * which would make the pipeline compose the recording again.
   */
  status(finishId: string): Promise<CompositionStatus>;
}
