import { DomainError } from '../../../domain/errors';
import type { PipelineJob } from '../../../domain/pipeline-job';

/**
 * A video that is still to be finished (blurred, marked up, PII muted) is not played to anyone,
 * not even staff: the file at the recording's place may still be the unfinished one. 404
 * `video_not_ready`, as for a video still being composed.
 */
export function assertVideoFinished(job: Pick<PipelineJob, 'finish' | 'video' | 'clip'>): void {
  if (!job.finish || job.finish.status === 'none') return;
  // Not hidden and nothing blurred: the composer's video plays while the transcripts are made.
  if (!job.finish.finishId && !job.clip?.annotated) return;
  if (job.video?.status === 'ready' && job.video.compositionId === job.finish.finishId) return;
  throw new DomainError('not_found', 'video_not_ready', 'The video is still being prepared.');
}
