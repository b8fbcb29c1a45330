import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { PipelineJob } from '../../domain/pipeline-job';
import { attach, maybeAttach, resumeVideoPost } from './text/attach';
import { compositionFailed, compositionReady } from './compose/composition-events';
import type { PipelineDeps } from './deps';
import { loadJob, updateJob } from './job-update';
import { requestCompositions, retryCompose } from './compose/compose';
import { isDue } from './retry-schedule';
import { requestTranscript, transcriptFailed, transcriptReady } from './text/transcript-events';

/**
 * Brings a job whose events may have been lost (a crash, a restart, a webhook never delivered)
 * back on track by asking each provider where its part stands. Every step it takes is the same
 * idempotent use case an event would have called, so resuming a healthy job changes nothing.
 */
export async function resumeJob(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  let job = await loadJob(deps, roomName);
  if (job.state === 'composing') {
    // A claim left by a crash before the compositions were recorded: claim again from the start.
    ({ job } = await updateJob(deps, roomName, (j) => (j.state === 'composing' ? { state: 'recorded' } : null)));
  }
  if (job.state === 'recorded') {
    // A compose retry waiting for its time: re-arm it (after a restart the timer is gone).
    if (isDue(deps, job.nextAttemptAt) || !deps.wakeAt) return requestCompositions(deps, roomName);
    deps.wakeAt(roomName, new Date(job.nextAttemptAt as string));
    return job;
  }
  if (job.state === 'attaching') return attach(deps, job);
  if (job.state !== 'processing') return job;

  if (job.video?.status === 'failed') {
    if (!isDue(deps, job.nextAttemptAt) && deps.wakeAt) deps.wakeAt(roomName, new Date(job.nextAttemptAt as string));
    else job = await retryCompose(deps, roomName);
    if (job.state !== 'processing') return job;
  }

  // The video-first message a crash interrupted: found by its key, or posted.
  if (job.postingMessage && !job.messageId) {
    job = await resumeVideoPost(deps, roomName);
    if (job.state !== 'processing') return job;
  }

  let lostCompositions = false;
  const pendingCompositions = [
    ...(job.video?.status === 'pending' ? [job.video.compositionId] : []),
    ...(job.speakers ?? []).filter((s) => s.compositionStatus === 'pending').map((s) => s.compositionId),
  ];
  for (const compositionId of pendingCompositions) {
    const { status, durationSeconds } = await deps.composer.status(compositionId);
    if (status === 'ready') await compositionReady(deps, { roomName, compositionId, durationSeconds });
    else if (status === 'failed') await compositionFailed(deps, { roomName, compositionId, reason: 'failed while unattended' });
    else if (status === 'unknown') lostCompositions = true;
  }
  // The composer lost its work: ask again. Adapters that lose work (local) keep their ids stable,
  // so the job's records stay valid and the new results arrive as ordinary events.
  if (lostCompositions) await deps.composer.start({ name: job.roomName, sid: job.roomSid }, job.recordingId);

  for (const s of (await loadJob(deps, roomName)).speakers ?? []) {
    if (s.transcriptStatus !== 'pending') continue;
    if (!s.transcriptId) {
      if (!isDue(deps, s.nextAttemptAt) && deps.wakeAt) deps.wakeAt(roomName, new Date(s.nextAttemptAt as string));
      else await requestTranscript(deps, roomName, s.compositionId);
      continue;
    }
    const event = { roomName, compositionId: s.compositionId, transcriptId: s.transcriptId };
    const status = await deps.transcriber.status(s.transcriptId);
    if (status === 'ready') await transcriptReady(deps, event);
    else if (status === 'failed') await transcriptFailed(deps, { ...event, reason: 'failed while unattended' });
    else if (status === 'unknown') {
      const { changed } = await updateJob(deps, roomName, (j) =>
        j.speakers?.some((x) => x.compositionId === s.compositionId && x.transcriptId === s.transcriptId)
          ? { speakers: j.speakers.map((x) => (x.compositionId === s.compositionId ? { ...x, transcriptId: undefined } : x)) }
          : null,
      );
      if (changed) await requestTranscript(deps, roomName, s.compositionId);
    }
  }
  return maybeAttach(deps, roomName);
}

/** Resumes every unfinished job, oldest first; one job's trouble does not stop the others. */
export async function resumeUnfinished(deps: PipelineDeps, onError: (roomName: string, e: unknown) => void): Promise<void> {
  for (const job of await deps.store.listUnfinished()) {
    try {
      await resumeJob(deps, job.roomName);
    } catch (e) {
      onError(job.roomName, e);
    }
  }
}

/**
 * Supervisors (and admins) may push every unfinished recording on: the answer to a webhook that
 * never arrived on a back end with no scheduler of its own. Returns where each job now stands.
 */
export async function resumeRecordings(
  deps: PipelineDeps,
  staff: StaffIdentity,
): Promise<{ roomName: string; state: PipelineJob['state'] | 'error' }[]> {
  if (!hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'supervisor_required', 'Only a supervisor can resume recordings.');
  }
  const out: { roomName: string; state: PipelineJob['state'] | 'error' }[] = [];
  for (const job of await deps.store.listUnfinished()) {
    try {
      const resumed = deps.exclusive ? await deps.exclusive(job.roomName, () => resumeJob(deps, job.roomName)) : await resumeJob(deps, job.roomName);
      // Another worker holds the job: it is moving on; report where it stands.
      out.push({ roomName: job.roomName, state: (resumed ?? (await loadJob(deps, job.roomName))).state });
    } catch {
      out.push({ roomName: job.roomName, state: 'error' });
    }
  }
  return out;
}
