import { DomainError } from '../../domain/errors';
import type { PipelineJob } from '../../domain/pipeline-job';
import type { PipelineDeps } from './deps';
import { failedMessage } from './text/recording-message';
import { indexRecording } from '../library/library-index';
import { progressOf, progressPatch } from './text/progress';

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** Exponential, capped: base, 2×base, 4×base … never more than cap. */
export const backoffDelay = (attempt: number, base: number, cap = 30_000): number =>
  Math.min(cap, base * 2 ** Math.max(0, attempt - 1));

export async function loadJob(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  const job = await deps.store.get(roomName);
  if (!job) throw new DomainError('not_found', 'recording_job_not_found', `No recording job for room ${roomName}.`);
  return job;
}

/** An event that arrived before the step it answers was recorded: the sender should retry shortly. */
export const notReadyYet = (roomName: string) =>
  new DomainError('conflict', 'job_not_ready', `The recording job of ${roomName} is not ready for this event yet; retry.`);

/**
 * Read → decide → conditional write, again on conflict. `decide` returns the change, or null when
 * the event changes nothing (a duplicate, a late or superseded delivery). Exactly one of several
 * concurrent writers wins each transition; the others re-read and usually find nothing to do.
 */
export async function updateJob(
  deps: PipelineDeps,
  roomName: string,
  decide: (job: PipelineJob) => Partial<PipelineJob> | null,
): Promise<{ job: PipelineJob; changed: boolean }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const job = await loadJob(deps, roomName);
    const patch = decide(job);
    if (!patch) return { job, changed: false };
    const next: PipelineJob = { ...job, ...patch, version: job.version + 1, updatedAt: deps.clock.now().toISOString() };
    if (await deps.store.saveIfUnchanged(next)) {
      if (JSON.stringify(progressOf(next)) !== JSON.stringify(progressOf(job))) await publishProgress(deps, next);
      await indexRecording(deps, next);
      await deps.onPersisted?.(next);
      return { job: next, changed: true };
    }
  }
  throw new Error(`recording job ${roomName}: too many concurrent writers`);
}

/** Best effort: progress is a courtesy to the agent; the job's own state is the record. */
async function publishProgress(deps: PipelineDeps, job: PipelineJob): Promise<void> {
  try {
    await deps.conversations.mergeAttributes(job.conversationId, progressPatch(job));
  } catch {
    // The conversation may be unavailable; the next step or the final message will catch up.
  }
}

/**
 * Persists `failed` (once), then tells the conversation once (best effort: the state records it).
 * When the recording message is already in the chat (the video went out), no second message
 * contradicts it.
 */
export async function failJob(deps: PipelineDeps, roomName: string, reason: string, patch: Partial<PipelineJob> = {}): Promise<PipelineJob> {
  const { job, changed } = await updateJob(deps, roomName, (j) =>
    j.state === 'attached' || j.state === 'failed' || j.state === 'skipped' ? null : { ...patch, state: 'failed', reason },
  );
  if (!changed || job.messageId) return job;
  try {
    const { body, attributes } = failedMessage(job);
    const key = String(attributes.idempotencyKey);
    if (!(await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', key))) {
      await deps.conversations.postMessage(job.conversationId, { author: messageAuthor(deps), body, attributes });
    }
  } catch {
    // The conversation may be what failed; the job's state and reason still say what happened.
  }
  return job;
}

export const messageAuthor = (deps: PipelineDeps) => deps.messageAuthor ?? 'system';
