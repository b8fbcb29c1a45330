import type { PipelineJob } from '../../../domain/pipeline-job';
import { nextAttemptAt, retryLater } from '../retry-schedule';
import type { PipelineDeps } from '../deps';
import { errorText, failJob, loadJob, updateJob } from '../job-update';
import { finishPlan } from './finish-plan';
import { finishIdFor, planIsEmpty, type FinishStep } from './finish-step';

/** Every speaker's transcript has ended (made or given up): the mute spans are known. */
const transcriptsEnded = (j: PipelineJob): boolean =>
  (j.speakers ?? []).every((s) => s.transcriptStatus === 'ready' || s.transcriptStatus === 'failed');

/** The composer's own video is in and not yet behind a finish id (first time, or composed again after a failed finish). */
const unfinishedVideoIn = (j: PipelineJob): boolean =>
  j.state === 'processing' && !!j.finish && j.finish.status !== 'none' && j.video?.status === 'ready' && j.video.compositionId !== j.finish.finishId;

const awaitsFinish = (j: PipelineJob, status: FinishStep['status']): boolean =>
  j.state === 'processing' && j.finish?.status === status && !!j.finish.finishId && j.video?.compositionId === j.finish.finishId && j.video.status === 'pending';

/**
 * The finishing step (DESIGN-NOTE.md beside this file), run before every attach decision. It moves
 * the job on by at most these idempotent steps, each a versioned write:
 * 1. the composer's video is in: it is hidden behind a finish id (the job's video is pending again,
 *    so nothing plays it, posts it or links it);
 * 2. every transcript has ended: the plan is made (the clip's annotations, the redacted transcript's
 *    mute spans); an empty plan puts the composer's video back, ready, and the step is done;
 * 3. while finishing: the finisher is asked to make the finished video (again after a crash: it
 *    starts nothing twice). It reports through compositionReady/compositionFailed like a composer.
 */
export async function advanceFinishing(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  const finishing = deps.finishing;
  let job = await loadJob(deps, roomName);
  if (!finishing || !job.finish) return job;
  const clip = job.kind === 'clip' ? await finishing.clips.get(job.escalationId) : null;
  const annotations = clip?.annotations ?? [];

  // A sender's blur hides the video at once: nobody may see what they covered. Without one the
  // composer's video plays while the transcripts are made, and is hidden only if they find
  // personal data to mute (step 2b): a clip is playable within seconds of Stop.
  ({ job } = await updateJob(deps, roomName, (j) => {
    if (annotations.length === 0 || !unfinishedVideoIn(j) || !j.video) return null;
    return hideBehindFinish(j, { status: 'waiting' });
  }));

  if (annotations.length === 0 && unfinishedVideoIn(job) && transcriptsEnded(job)) {
    const plan = finishPlan(job, []);
    ({ job } = await updateJob(deps, roomName, (j) => {
      if (!unfinishedVideoIn(j) || !transcriptsEnded(j) || !j.video) return null;
      return planIsEmpty(plan) ? { finish: { status: 'none' } } : hideBehindFinish(j, { status: 'finishing', plan });
    }));
  }

  if (awaitsFinish(job, 'waiting') && transcriptsEnded(job)) {
    const plan = finishPlan(job, annotations);
    const finishId = job.finish?.finishId;
    ({ job } = await updateJob(deps, roomName, (j) => {
      if (!awaitsFinish(j, 'waiting') || j.finish?.finishId !== finishId || !j.video) return null;
      const f = j.finish as FinishStep;
      return planIsEmpty(plan)
        ? { finish: { status: 'none' }, video: { ...j.video, compositionId: f.sourceCompositionId as string, status: 'ready' } }
        : { finish: { ...f, status: 'finishing', plan } };
    }));
  }

  if (awaitsFinish(job, 'finishing')) {
    const f = job.finish as Required<FinishStep>;
    try {
      await finishing.finisher.start({
        roomName,
        recordingId: job.recordingId,
        finishId: f.finishId,
        sourceCompositionId: f.sourceCompositionId,
        durationSeconds: job.video?.durationSeconds,
        plan: f.plan,
      });
    } catch (e) {
      return finishStartFailed(deps, roomName, `finish ${f.finishId}: ${errorText(e)}`);
    }
  }
  return job;
}

/**
 * The finisher could not even take the work (its queue or process refused): try again after the
 * pipeline's backoff, at most the compose attempts; then the recording fails, as a video that
 * cannot be composed does. (A pass that starts and then fails is reported by the finisher as a
 * failed composition, through the compose step's own bounded retry.)
 */
async function finishStartFailed(deps: PipelineDeps, roomName: string, reason: string): Promise<PipelineJob> {
  const max = deps.retry.composeMaxAttempts ?? deps.retry.maxAttempts;
  let attempts = 0;
  const { job, changed } = await updateJob(deps, roomName, (j) => {
    if (j.finish?.status !== 'finishing') return null;
    attempts = (j.composeAttempts ?? 0) + 1;
    return { composeAttempts: attempts, nextAttemptAt: nextAttemptAt(deps, attempts), reason: `finish attempt ${attempts}: ${reason}` };
  });
  if (attempts >= max) return failJob(deps, roomName, `finish: gave up after ${attempts} attempts: ${reason}`);
  if (!changed) return job;
  return retryLater(deps, job, () => advanceFinishing(deps, roomName));
}

/** The composer's video goes behind a new finish id: the job's video is pending again, so nothing plays, posts or links it. */
function hideBehindFinish(j: PipelineJob, step: Pick<FinishStep, 'status' | 'plan'>): Partial<PipelineJob> {
  const video = j.video as NonNullable<PipelineJob['video']>;
  const finishId = finishIdFor(j.recordingId, (j.composeAttempts ?? 0) + 1);
  return { video: { ...video, compositionId: finishId, status: 'pending' }, finish: { ...step, sourceCompositionId: video.compositionId, finishId } };
}
