import type { Clip } from '../../domain/clip';
import { TERMINAL_STATES, type PipelineJob } from '../../domain/pipeline-job';
import type { RetentionDeps } from './retention-deps';
import type { RetentionPolicy } from './retention-policy';

/**
 * Does this recording need nothing more under the policy, once `planned` (what this sweep is about
 * to delete of it, if anything) is done: its media gone (or never recorded: skipped), and its
 * transcript gone when RETENTION_TRANSCRIPT_DAYS is set (otherwise it is kept for good).
 */
export function jobSettled(policy: RetentionPolicy, job: PipelineJob, planned?: { media: unknown; transcript: boolean } | null): boolean {
  if (job.state === 'skipped') return true;
  if (!TERMINAL_STATES.includes(job.state)) return false;
  const media = job.mediaDeletion?.state === 'deleted' || Boolean(planned?.media);
  const transcript = policy.RETENTION_TRANSCRIPT_DAYS === undefined || Boolean(job.transcriptDeletedAt) || Boolean(planned?.transcript);
  return media && transcript;
}

/**
 * Read afresh after the sweep's deletions: may the conversation's closure be settled (skipped by
 * later sweeps)? Only when no hold is set, every recording is settled, and nothing can still
 * bring a recording in. A closed conversation starts no call or clip, but work begun before the
 * close can still end after it: a call live when Twilio closed the chat, a clip link sent before.
 * So every call must be ended with its job on record (endCall writes the job after the status),
 * every sent clip must have its job, and any other clip must be past its link's expiry.
 * A failed or half-done deletion (`deleting`) leaves the job unsettled, so the closure too.
 */
export async function conversationSettled(deps: RetentionDeps, conversationId: string, now: Date): Promise<boolean> {
  if (await deps.privacy.getHold(conversationId)) return false;
  const jobs = await deps.pipeline.store.listByConversation(conversationId);
  if (!jobs.every((j) => jobSettled(deps.config, j))) return false;
  const rooms = new Set(jobs.map((j) => j.roomName));
  const escalations = await deps.escalations.listByConversation(conversationId);
  if (!escalations.every((e) => e.status === 'ended' && rooms.has(e.roomName))) return false;
  const clips = await deps.clips.listByConversation(conversationId);
  return clips.every((c) => clipDone(c, rooms, now));
}

function clipDone(clip: Clip, rooms: Set<string>, now: Date): boolean {
  if (clip.status === 'sent') return clip.roomName !== undefined && rooms.has(clip.roomName);
  // Offered or discarded: its link could record again until it expires (an agent's recorder has no expiry).
  const idle = clip.status === 'offered' || clip.status === 'discarded';
  return idle && clip.linkExpiresAt !== undefined && Date.parse(clip.linkExpiresAt) <= now.getTime();
}
