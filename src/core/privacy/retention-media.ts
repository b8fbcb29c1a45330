import type { MediaDeletedInfo } from '../../api/privacy-contract';
import type { MediaDeletionReason } from '../../domain/privacy';
import { logger } from '../../logger';
import type { PipelineJob } from '../../domain/pipeline-job';
import { updateJob } from '../pipeline/job-update';
import { recordingLeavesPatch } from '../pipeline/text/progress';
import { mediaDeletedMessage, RECORDING_MESSAGE_TYPE } from '../pipeline/text/recording-message';
import { RETENTION_ACTOR, type RetentionDeps } from './retention-deps';

/**
 * Deletes one recording's media under the policy, resumably:
 * 1. the intent (`mediaDeletion: deleting`) is written through the job's versioned update;
 * 2. every media item goes (what is already gone counts as deleted);
 * 3. the chat card and the conversation's recording entry say the video was deleted;
 * 4. the audit entry (a fixed id per recording: a resumed run audits once);
 * 5. `deleted` with the date.
 * A run killed anywhere leaves the intent on record, and the next run resumes from step 2, so a
 * recording is never marked deleted with media left, and no media goes without an intent.
 * `now` is the sweep's time (its dates). Returns how many media items went in this run.
 */
export async function deleteRecordingMedia(deps: RetentionDeps, roomName: string, reason: MediaDeletionReason, now: Date): Promise<number> {
  const started = now.toISOString();
  const { job } = await updateJob(deps.pipeline, roomName, (j) =>
    j.mediaDeletion ? null : { mediaDeletion: { state: 'deleting', reason, startedAt: started } },
  );
  if (job.mediaDeletion?.state === 'deleted') return 0;
  const deleted = await deps.recordingMedia.deleteMedia(job);
  const left = await deps.recordingMedia.countMedia(job);
  if (left > 0) throw new Error(`recording ${job.recordingId}: ${left} media item(s) still there after deleting`);
  const info: MediaDeletedInfo = { reason: job.mediaDeletion?.reason ?? reason, deletedAt: now.toISOString() };
  await showDeletion(deps, job, info);
  await deps.privacy.appendAudit({
    id: `retention.media_deleted:${job.recordingId}`,
    at: info.deletedAt,
    actor: RETENTION_ACTOR,
    action: 'retention.media_deleted',
    conversationId: job.conversationId,
    subject: job.recordingId,
    details: { reason: info.reason, mediaItems: deleted },
  });
  await updateJob(deps.pipeline, roomName, (j) =>
    j.mediaDeletion?.state === 'deleting' ? { mediaDeletion: { ...j.mediaDeletion, state: 'deleted', deletedAt: info.deletedAt } } : null,
  );
  return deleted;
}

/**
 * The card in the chat and the agent's recording entry, updated in place. Best effort: the media
 * is gone either way (the player would get 410 Gone), and a chat that refuses writes (a closed
 * Twilio conversation) must not keep the recording unmarked forever.
 */
async function showDeletion(deps: RetentionDeps, job: PipelineJob, info: MediaDeletedInfo): Promise<void> {
  try {
    const message = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    if (message && message.attributes.type === RECORDING_MESSAGE_TYPE && !message.attributes.mediaDeleted) {
      await deps.conversations.updateMessage(job.conversationId, message.id, mediaDeletedMessage(message, info));
    }
    await deps.conversations.mergeAttributes(job.conversationId, recordingLeavesPatch(job.recordingId));
  } catch (err) {
    logger.warn({ err, recordingId: job.recordingId }, 'retention: could not update the recording message');
  }
}

