import type { PipelineJob } from '../../domain/pipeline-job';
import type { PipelineDeps } from './deps';
import { backoffDelay } from './job-update';

/** When a failed step may run again: now plus the backoff for this attempt, as an ISO time. */
export const nextAttemptAt = (deps: PipelineDeps, attempts: number): string =>
  new Date(deps.clock.now().getTime() + backoffDelay(attempts, deps.retry.backoffMs, deps.retry.maxBackoffMs)).toISOString();

/** Has this retry's time come? (No time recorded: yes.) */
export const isDue = (deps: PipelineDeps, at: string | undefined): boolean => !at || Date.parse(at) <= deps.clock.now().getTime();

/** Hands the retry to the back end's scheduler at the job's time, or runs it now when there is none. */
export function retryLater(deps: PipelineDeps, job: PipelineJob, now: () => Promise<PipelineJob>, at = job.nextAttemptAt): Promise<PipelineJob> | PipelineJob {
  if (!deps.wakeAt) return now();
  deps.wakeAt(job.roomName, new Date(at ?? deps.clock.now()));
  return job;
}
