import type { CompositionStatus } from '../../ports/composer';
import type { PipelineStore } from '../../ports/pipeline-store';
import type { Clock } from '../../ports/clock';
import { recordingIdOfFinish } from '../../core/pipeline/finish/finish-step';
import type { FinishRequest, VideoFinisher } from '../../core/pipeline/finish/video-finisher';
import type { SqlMediaWork } from '../sql/sql-media-work';

export interface TwilioFinisherOptions {
  /** The media worker's queue: a finished video is one row, keyed by its finish id. */
  work: Pick<SqlMediaWork, 'enqueueVideo' | 'get'>;
  /** The job keeps the video's duration while it is hidden behind the finish id. */
  jobs: Pick<PipelineStore, 'getByRecordingId'>;
  clock: Clock;
}

/**
 * Finishing on Twilio (src/core/pipeline/finish/DESIGN-NOTE.md): a Function cannot run ffmpeg, so
 * `start` queues a row for the media worker (ve_media_work, id = the finish id) and returns. The
 * worker downloads the composition, runs the pass, publishes the finished mp4, deletes the Twilio
 * composition and reports `compositionReady(finishId)` itself.
 */
export class TwilioFinisher implements VideoFinisher {
  constructor(private readonly o: TwilioFinisherOptions) {}

  async start(r: FinishRequest): Promise<void> {
    // The row carries no plan: the worker reads it from the job, which cannot then disagree with it.
    await this.o.work.enqueueVideo({ finishId: r.finishId, roomName: r.roomName, compositionId: r.sourceCompositionId, now: this.o.clock.now().toISOString() });
  }

  async status(finishId: string): Promise<CompositionStatus> {
    const row = await this.o.work.get(finishId);
    if (row?.state === 'done') {
      const recordingId = recordingIdOfFinish(finishId);
      const job = recordingId ? await this.o.jobs.getByRecordingId(recordingId) : null;
      return { status: 'ready', durationSeconds: job?.video?.durationSeconds };
    }
    if (row?.state === 'failed') return { status: 'failed' };
    // Queued, being made, never queued (lost: the pipeline's next step queues it again), or
    // discarded with its recording's media (never composed again for that).
    return { status: 'pending' };
  }
}
