import type { PipelineJob, RecordingTranscript } from '../../ports/pipeline-store';
import { buildWebVtt } from './captions';
import type { PipelineDeps } from './deps';
import { errorText, failJob, messageAuthor, updateJob } from './job-update';
import { recordingAttributesPatch, recordingMessage, transcriptDocument } from './recording-message';
import { mergeTranscripts } from './transcript';

const everythingReady = (j: PipelineJob): boolean =>
  j.state === 'processing' &&
  j.video?.status === 'ready' &&
  (j.speakers ?? []).every((s) => s.transcriptStatus === 'ready');

/** When the video and every speaker's transcript are in, one caller claims the job and attaches it. */
export async function maybeAttach(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  const claim = await updateJob(deps, roomName, (j) => (everythingReady(j) ? { state: 'attaching' } : null));
  return claim.changed ? attach(deps, claim.job) : claim.job;
}

/**
 * Merges the speakers' transcripts, writes captions and transcript, posts the one message and
 * records it in the conversation's attributes. Safe to repeat after a crash: the message is
 * found by its idempotency key, not posted twice.
 */
export async function attach(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  const durationSeconds = job.video?.durationSeconds ?? 0;
  const transcript: RecordingTranscript = mergeTranscripts(
    deps.transcriber.name,
    (job.speakers ?? []).map((s) => ({ speaker: s, segments: s.segments ?? [] })),
  );
  const urls = deps.artifacts.urls(job.recordingId);
  let messageId: string;
  try {
    await deps.artifacts.write(job.recordingId, 'transcript.json', transcriptDocument(job, transcript, durationSeconds));
    await deps.artifacts.write(job.recordingId, 'captions.vtt', buildWebVtt(transcript));
    const existing = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    const message =
      existing ??
      (await deps.conversations.postMessage(job.conversationId, {
        author: messageAuthor(deps),
        ...recordingMessage(job, transcript, durationSeconds, urls, deps.customerRecordingAccess),
      }));
    messageId = message.id;
    await deps.conversations.mergeAttributes(job.conversationId, recordingAttributesPatch(job, durationSeconds, messageId, urls));
  } catch (e) {
    return failJob(deps, job.roomName, `attach: ${errorText(e)}`);
  }
  const { job: attached } = await updateJob(deps, job.roomName, (j) =>
    j.state === 'attaching' ? { state: 'attached', transcript, messageId, reason: undefined } : null,
  );
  return attached;
}
