import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { PipelineJob } from '../../ports/pipeline-store';
import { attach, maybeAttach } from './attach';
import { compositionFailed, compositionReady } from './composition-events';
import type { PipelineDeps } from './deps';
import { loadJob, updateJob } from './job-update';
import { requestCompositions } from './room-ended';
import { requestTranscript, transcriptFailed, transcriptReady } from './transcript-events';

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
  if (job.state === 'recorded') return requestCompositions(deps, roomName);
  if (job.state === 'attaching') return attach(deps, job);
  if (job.state !== 'processing') return job;

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
      await requestTranscript(deps, roomName, s.compositionId);
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
    throw new DomainError('forbidden', 'supervisors_only', 'Only a supervisor can resume recordings.');
  }
  const out: { roomName: string; state: PipelineJob['state'] | 'error' }[] = [];
  for (const job of await deps.store.listUnfinished()) {
    try {
      out.push({ roomName: job.roomName, state: (await resumeJob(deps, job.roomName)).state });
    } catch {
      out.push({ roomName: job.roomName, state: 'error' });
    }
  }
  return out;
}
