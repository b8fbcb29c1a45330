import type { PipelineJob } from '../../../domain/pipeline-job';
import { maybeAttach } from '../text/attach';
import { composeFailed } from './compose';
import type { PipelineDeps } from '../deps';
import type { CompositionEvent, CompositionFailedEvent } from '../events';
import { failJob, loadJob, notReadyYet, updateJob } from '../job-update';
import { requestTranscript } from '../text/transcript-events';

type Target = { kind: 'video' } | { kind: 'speech' } | null;

/** Which pending composition of the job this event is about; null for a duplicate or a stranger. */
function pendingTarget(job: PipelineJob, compositionId: string): Target {
  if (job.state === 'recorded' || job.state === 'composing') throw notReadyYet(job.roomName);
  if (job.state !== 'processing') return null;
  if (job.video?.compositionId === compositionId) return job.video.status === 'pending' ? { kind: 'video' } : null;
  const s = job.speakers?.find((x) => x.compositionId === compositionId);
  return s?.compositionStatus === 'pending' ? { kind: 'speech' } : null;
}

/**
 * A composition is ready. The grid video records its duration; a speaker's audio goes straight to
 * the transcriber (it never waits for the video). Duplicates and strangers change nothing.
 */
export async function compositionReady(deps: PipelineDeps, e: CompositionEvent): Promise<PipelineJob> {
  let target: Target = null;
  const { job, changed } = await updateJob(deps, e.roomName, (j) => {
    target = pendingTarget(j, e.compositionId);
    if (!target) return null;
    if (target.kind === 'video') {
      return { video: { compositionId: e.compositionId, status: 'ready', durationSeconds: e.durationSeconds } };
    }
    return {
      speakers: (j.speakers ?? []).map((s) =>
        s.compositionId === e.compositionId ? { ...s, compositionStatus: 'ready' as const, transcriptStatus: 'pending' as const } : s,
      ),
    };
  });
  if (!changed || !target) return job;
  if ((target as Exclude<Target, null>).kind === 'speech') await requestTranscript(deps, e.roomName, e.compositionId);
  return maybeAttach(deps, e.roomName);
}

/**
 * A composition failed. The grid video is composed again after a backoff (bounded: then the job
 * fails once and says so); a speaker's audio composition failing fails the job at once.
 */
export async function compositionFailed(deps: PipelineDeps, e: CompositionFailedEvent): Promise<PipelineJob> {
  const job = await loadJob(deps, e.roomName);
  const target = pendingTarget(job, e.compositionId);
  if (!target) return job;
  if (target.kind === 'video') return composeFailed(deps, e.roomName, `${e.compositionId}: ${e.reason}`);
  return failJob(deps, e.roomName, `compose ${e.compositionId}: ${e.reason}`);
}
