import { logger } from '../../logger';
import type { PipelineJob } from '../../domain/pipeline-job';
import { updateJob } from '../pipeline/job-update';
import { recordingLeavesPatch } from '../pipeline/text/progress';
import { RECORDING_MESSAGE_TYPE, transcriptDeletedMessage } from '../pipeline/text/recording-message';
import { RETENTION_ACTOR, type RetentionDeps } from './retention-deps';

/**
 * Deletes one recording's transcript and captions under RETENTION_TRANSCRIPT_DAYS: the files (or
 * stored artifacts), the library's searchable lines, the text in the chat message, then the
 * job's own copy with `transcriptDeletedAt`. Every step is idempotent and the mark comes last,
 * so a run killed halfway is simply redone by the next sweep. Returns whether it deleted now.
 */
export async function deleteRecordingTranscript(deps: RetentionDeps, job: PipelineJob, now: Date): Promise<boolean> {
  if (job.transcriptDeletedAt) return false;
  const at = now.toISOString();
  const artifacts = await deps.recordingMedia.deleteTranscriptArtifacts(job);
  const library = deps.pipeline.library;
  if (library && (await library.get(job.recordingId))) await library.replaceLines(job.recordingId, []);
  await hideTranscript(deps, job, at);
  await deps.privacy.appendAudit({
    id: `retention.transcript_deleted:${job.recordingId}`,
    at,
    actor: RETENTION_ACTOR,
    action: 'retention.transcript_deleted',
    conversationId: job.conversationId,
    subject: job.recordingId,
    details: { artifacts },
  });
  const { changed } = await updateJob(deps.pipeline, job.roomName, (j) =>
    j.transcriptDeletedAt ? null : { transcript: undefined, speakers: j.speakers?.map(({ segments: _s, ...s }) => s), transcriptDeletedAt: at },
  );
  return changed;
}

/** The message loses its transcript text and captions; the card says why. Best effort, like the media's. */
async function hideTranscript(deps: RetentionDeps, job: PipelineJob, at: string): Promise<void> {
  try {
    const message = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    if (message && message.attributes.type === RECORDING_MESSAGE_TYPE && message.attributes.transcriptStatus !== 'deleted') {
      await deps.conversations.updateMessage(job.conversationId, message.id, transcriptDeletedMessage(message, at));
    }
    await deps.conversations.mergeAttributes(job.conversationId, recordingLeavesPatch(job.recordingId));
  } catch (err) {
    logger.warn({ err, recordingId: job.recordingId }, 'retention: could not update the recording message');
  }
}
