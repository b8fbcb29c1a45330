import { logger } from '../../../logger';
import type { PipelineJob, RecordingTranscript } from '../../../domain/pipeline-job';
import { buildWebVtt } from './captions';
import type { PipelineDeps } from '../deps';
import { keepClipViews } from '../../clips/clip-view-message';
import { errorText, failJob, loadJob, messageAuthor, updateJob } from '../job-update';
import { indexTranscript } from '../../library/library-index';
import { recordingMessage, transcriptDocument } from './recording-message';
import { isDue, nextAttemptAt, retryLater } from '../retry-schedule';
import { mergeTranscripts } from './transcript';
import { mergeKinds, redactSegments } from '../../privacy/pii/redact-segments';
import { watchUrlFor } from '../../watch/watch-links';
import { advanceFinishing } from '../finish/finish';

/** The video is in and every speaker's transcript has ended: made, or given up. */
const everythingEnded = (j: PipelineJob): boolean =>
  j.state === 'processing' &&
  j.video?.status === 'ready' &&
  (j.speakers ?? []).every((s) => s.transcriptStatus === 'ready' || s.transcriptStatus === 'failed');

/** The video is in but the message has not gone out: it goes now, the transcript follows. */
const videoWaitsForMessage = (j: PipelineJob): boolean =>
  j.state === 'processing' && j.video?.status === 'ready' && !j.messageId && !j.postingMessage;

/** A message step that failed waits for its time (a back end without a scheduler retries at once). */
const due = (deps: PipelineDeps, j: PipelineJob): boolean => !deps.wakeAt || isDue(deps, j.nextAttemptAt);

/**
 * Moves the recording message on, claimed by one caller per step: when everything has ended, the
 * message is completed (or posted whole); before that, as soon as the video is ready, it goes out
 * with the video alone, so a slow or failing transcriber never hides a finished video.
 */
export async function maybeAttach(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  // A video with blur, mark-up or spoken PII to remove is not ready (nor posted) until finished.
  await advanceFinishing(deps, roomName);
  const final = await updateJob(deps, roomName, (j) =>
    everythingEnded(j) && !j.postingMessage && due(deps, j) ? { state: 'attaching' } : null,
  );
  if (final.changed) return attach(deps, final.job);
  const early = await updateJob(deps, roomName, (j) => (videoWaitsForMessage(j) && due(deps, j) ? { postingMessage: true } : null));
  if (early.changed) return postVideo(deps, early.job);
  const job = early.job;
  // A message step waiting for its retry: re-arm it (after a restart the timer is gone).
  if (deps.wakeAt && job.nextAttemptAt && !due(deps, job) && (everythingEnded(job) || videoWaitsForMessage(job))) {
    deps.wakeAt(roomName, new Date(job.nextAttemptAt));
  }
  return job;
}

/**
 * Posts the recording message with the video, the transcript pending (claimed by `postingMessage`).
 * Safe to repeat after a crash: the message is found by its idempotency key, not posted twice.
 */
export async function postVideo(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  const durationSeconds = job.video?.durationSeconds ?? 0;
  let messageId: string;
  try {
    const urls = { ...deps.artifacts.urls(job.recordingId), watchUrl: await watchUrlFor(deps, job) };
    const message = await findOrPost(deps, job, () => recordingMessage(job, 'pending', durationSeconds, urls, deps.customerRecordingAccess));
    messageId = message.id;
  } catch (e) {
    return messageStepFailed(deps, job.roomName, `posting the video: ${errorText(e)}`);
  }
  const { changed, job: posted } = await updateJob(deps, job.roomName, (j) =>
    j.postingMessage ? { postingMessage: undefined, messageId, nextAttemptAt: undefined } : null,
  );
  // The transcripts may all have ended meanwhile.
  return changed ? maybeAttach(deps, job.roomName) : posted;
}

/**
 * Completes the one message: merges the speakers' transcripts, writes captions and transcript,
 * and adds them to the message that carries the video (or posts it whole when the video message
 * never went out). A transcript that was given up leaves the video and says so.
 */
export async function attach(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  const durationSeconds = job.video?.durationSeconds ?? 0;
  const speakers = job.speakers ?? [];
  const gaveUp = speakers.find((s) => s.transcriptStatus === 'failed');
  // Already redacted when stored; again here (idempotent) for jobs stored before redaction existed.
  const redacted = speakers.map((s) => redactSegments(s.segments ?? []));
  const pii = redacted.reduce((kinds, r) => mergeKinds(kinds, r.kinds), job.pii ?? []);
  const transcript: RecordingTranscript | null = gaveUp
    ? null
    : mergeTranscripts(deps.transcriber.name, speakers.map((s, i) => ({ speaker: s, segments: redacted[i].segments })));
  let messageId: string;
  try {
    const urls = { ...deps.artifacts.urls(job.recordingId), watchUrl: await watchUrlFor(deps, job) };
    if (transcript) {
      await deps.artifacts.write(job.recordingId, 'transcript.json', transcriptDocument(job, transcript, durationSeconds));
      await deps.artifacts.write(job.recordingId, 'captions.vtt', buildWebVtt(transcript));
    }
    const content = recordingMessage(job, transcript ?? 'unavailable', durationSeconds, urls, deps.customerRecordingAccess);
    // Read, not only named: the message may show a viewer's progress, which the new content keeps.
    const current = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    const existing = job.messageId ?? current?.id;
    messageId = existing
      ? (await deps.conversations.updateMessage(job.conversationId, existing, keepClipViews(current, content))).id
      : (await deps.conversations.postMessage(job.conversationId, { author: messageAuthor(deps), ...content })).id;
  } catch (e) {
    return messageStepFailed(deps, job.roomName, `attach: ${errorText(e)}`);
  }
  const { job: attached, changed } = await updateJob(deps, job.roomName, (j) =>
    j.state === 'attaching'
      ? {
          state: 'attached',
          transcript: transcript ?? undefined,
          messageId,
          nextAttemptAt: undefined,
          reason: gaveUp ? `transcribe: ${gaveUp.failure ?? 'gave up'}` : undefined,
          ...(pii.length > 0 ? { pii } : {}),
        }
      : null,
  );
  // The supervisors' search finds the recording by what was said from now on.
  if (changed) await indexTranscript(deps, attached);
  if (changed) await publishReady(deps, attached, durationSeconds, transcript !== null);
  return attached;
}

/**
 * The message found by its idempotency key is brought up to date (a clip's "processing" message,
 * posted at Send, or this step's own post before a crash); otherwise it is posted now.
 */
async function findOrPost(deps: PipelineDeps, job: PipelineJob, content: () => ReturnType<typeof recordingMessage>) {
  const existing = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
  if (existing) return deps.conversations.updateMessage(job.conversationId, existing.id, keepClipViews(existing, content()));
  return deps.conversations.postMessage(job.conversationId, { author: messageAuthor(deps), ...content() });
}

/**
 * Posting or completing the message failed (the conversation service is down, the disk is full):
 * try again after the same bounded backoff as the other steps. Once the attempts are spent the
 * job fails once; if the video message is already in the chat it is marked "transcript
 * unavailable" (best effort) rather than contradicted by a second message.
 */
async function messageStepFailed(deps: PipelineDeps, roomName: string, reason: string): Promise<PipelineJob> {
  const max = deps.retry.attachMaxAttempts ?? deps.retry.maxAttempts;
  let attempts = 0;
  let giveUp = false;
  const { job, changed } = await updateJob(deps, roomName, (j) => {
    giveUp = false;
    if (j.state !== 'attaching' && !(j.state === 'processing' && j.postingMessage)) return null;
    attempts = (j.attachAttempts ?? 0) + 1;
    giveUp = attempts >= max;
    if (giveUp) return null;
    return {
      state: 'processing',
      postingMessage: undefined,
      attachAttempts: attempts,
      nextAttemptAt: nextAttemptAt(deps, attempts),
      reason: `attach attempt ${attempts}: ${reason}`,
    };
  });
  if (giveUp) {
    const failed = await failJob(deps, roomName, `attach: gave up after ${attempts} attempts: ${reason}`, {
      attachAttempts: attempts,
      postingMessage: undefined,
    });
    if (failed.messageId) await markTranscriptUnavailable(deps, failed);
    return failed;
  }
  if (!changed) return job;
  return retryLater(deps, job, () => maybeAttach(deps, roomName));
}

async function markTranscriptUnavailable(deps: PipelineDeps, job: PipelineJob): Promise<void> {
  try {
    const urls = { ...deps.artifacts.urls(job.recordingId), watchUrl: await watchUrlFor(deps, job) };
    const content = recordingMessage(job, 'unavailable', job.video?.durationSeconds ?? 0, urls, deps.customerRecordingAccess);
    const current = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    await deps.conversations.updateMessage(job.conversationId, job.messageId as string, keepClipViews(current, content));
  } catch {
    // The conversation is what keeps failing; the job's state and reason say what happened.
  }
}

/** For resume: the video-first post a crash interrupted (its claim is still set). */
export async function resumeVideoPost(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  const job = await loadJob(deps, roomName);
  return job.state === 'processing' && job.postingMessage && !job.messageId ? postVideo(deps, job) : job;
}

/** Tells the CRMs a recording is ready (ids and lengths only; the link stays ours). Never fatal. */
async function publishReady(deps: PipelineDeps, job: PipelineJob, durationSeconds: number | undefined, transcribed: boolean): Promise<void> {
  if (!deps.outbound) return;
  try {
    await deps.outbound.publish({
      id: `recording.ready:${job.recordingId}`,
      type: 'recording.ready',
      occurredAt: deps.clock.now().toISOString(),
      conversationId: job.conversationId,
      data: { recordingId: job.recordingId, kind: job.kind ?? 'call', durationSeconds: durationSeconds ?? null, transcript: transcribed },
    });
  } catch (err) {
    logger.warn({ err, roomName: job.roomName }, 'recording.ready not queued');
  }
}
