import type { PipelineJob } from '../../ports/pipeline-store';
import { maybeAttach } from './attach';
import type { PipelineDeps } from './deps';
import { errorText, failJob, loadJob, updateJob } from './job-update';
import { requestCompositions } from './room-ended';
import { nextAttemptAt, retryLater } from './retry-schedule';

/**
 * Composing failed (the composer refused, or the grid video failed). The job records the attempt
 * and when to try again, so a restart continues the backoff; once the attempts are spent it fails
 * once, with the reason, and the chat is told. Speakers' transcripts already made are kept.
 */
export async function composeFailed(deps: PipelineDeps, roomName: string, reason: string): Promise<PipelineJob> {
  const max = deps.retry.composeMaxAttempts ?? deps.retry.maxAttempts;
  let attempts = 0;
  let giveUp = false;
  const { job, changed } = await updateJob(deps, roomName, (j) => {
    giveUp = false;
    const videoFailed = j.state === 'processing' && j.video && j.video.status !== 'ready';
    if (j.state !== 'composing' && !videoFailed) return null;
    attempts = (j.composeAttempts ?? 0) + 1;
    giveUp = attempts >= max;
    if (giveUp) return null;
    const retry = { composeAttempts: attempts, nextAttemptAt: nextAttemptAt(deps, attempts), reason: `compose attempt ${attempts}: ${reason}` };
    return j.state === 'composing'
      ? { ...retry, state: 'recorded' }
      : { ...retry, video: { ...(j.video as NonNullable<PipelineJob['video']>), status: 'failed' } };
  });
  if (giveUp) return failJob(deps, roomName, `compose: gave up after ${attempts} attempts: ${reason}`, { composeAttempts: attempts });
  if (!changed) return job;
  return retryLater(deps, job, () => retryCompose(deps, roomName));
}

/** The compose step again, for a job whose retry is due: from scratch, or only the failed video. */
export async function retryCompose(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  const current = await loadJob(deps, roomName);
  if (current.state === 'recorded') return requestCompositions(deps, roomName);
  if (current.state !== 'processing' || current.video?.status !== 'failed') return current;
  let started;
  try {
    started = await deps.composer.start({ name: current.roomName, sid: current.roomSid }, current.recordingId);
  } catch (e) {
    return composeFailed(deps, roomName, errorText(e));
  }
  const video = started.video;
  if (!video) return failJob(deps, roomName, 'compose: no_tracks_recorded');
  // Only the video is taken: the speakers' audio (and their transcripts) did not fail.
  const { changed, job } = await updateJob(deps, roomName, (j) =>
    j.state === 'processing' && j.video?.status === 'failed'
      ? { video: { compositionId: video.compositionId, status: video.status, durationSeconds: video.durationSeconds }, nextAttemptAt: undefined }
      : null,
  );
  return changed ? maybeAttach(deps, roomName) : job;
}
