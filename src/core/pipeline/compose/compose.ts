import type { PipelineJob, SpeakerStep } from '../../../domain/pipeline-job';
import type { SpeechComposition } from '../../../ports/composer';
import { maybeAttach } from '../text/attach';
import type { PipelineDeps } from '../deps';
import { errorText, failJob, loadJob, messageAuthor, updateJob } from '../job-update';
import { notRecordedMessage } from '../text/recording-message';
import { nextAttemptAt, retryLater } from '../retry-schedule';
import { requestTranscript } from '../text/transcript-events';

/*
 * The compose step: asking the composer for the video and each speaker's audio, and what happens
 * when that fails (bounded, persisted retries). roomEnded and resumeJob start it; the composer's
 * failure events come back to composeFailed.
 */

/** Claims the job (recorded → composing), asks the composer, records what to wait for. */
export async function requestCompositions(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  const claim = await updateJob(deps, roomName, (j) => (j.state === 'recorded' ? { state: 'composing' } : null));
  if (!claim.changed) return claim.job;
  const job = claim.job;
  if (!job.recording) return skipNotRecorded(deps, job);

  let started;
  try {
    // A clip's camera sits in a corner over its screen; a call is a grid.
    const layout = job.kind === 'clip' ? 'pip' : 'grid';
    started = await deps.composer.start({ name: job.roomName, sid: job.roomSid }, job.recordingId, { layout });
  } catch (e) {
    return composeFailed(deps, roomName, errorText(e));
  }
  if (!started.video) return failJob(deps, roomName, 'compose: no_tracks_recorded');
  const video = started.video;
  const speakers = started.speech.map(speakerStep);
  const { job: processing, changed } = await updateJob(deps, roomName, (j) =>
    j.state === 'composing'
      ? {
          state: 'processing',
          video: { compositionId: video.compositionId, status: video.status, durationSeconds: video.durationSeconds },
          speakers,
          ...(started.leftOut?.length ? { leftOut: started.leftOut } : {}),
          // Finishing on: the video waits to be finished (blur, mark-up, muted PII) before anyone sees it.
          ...(deps.finishing ? { finish: { status: 'waiting' as const } } : {}),
          nextAttemptAt: undefined,
        }
      : null,
  );
  if (!changed) return processing;
  // Speech the composer had at once (local) goes to the transcriber now, each speaker in parallel.
  await Promise.all(
    speakers.filter((s) => s.compositionStatus === 'ready').map((s) => requestTranscript(deps, roomName, s.compositionId)),
  );
  return maybeAttach(deps, roomName);
}

const speakerStep = (s: SpeechComposition): SpeakerStep => ({
  participantIdentity: s.participantIdentity,
  role: s.role,
  startOffsetSeconds: s.startOffsetSeconds,
  compositionId: s.compositionId,
  compositionStatus: s.status,
  ...(s.status === 'ready' ? { transcriptStatus: 'pending' as const } : {}),
  transcribeAttempts: 0,
});

async function skipNotRecorded(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  try {
    const existing = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    const message =
      existing ??
      (await deps.conversations.postMessage(job.conversationId, { author: messageAuthor(deps), ...notRecordedMessage(job) }));
    const { job: skipped } = await updateJob(deps, job.roomName, (j) =>
      j.state === 'composing' ? { state: 'skipped', reason: 'recording_off', messageId: message.id } : null,
    );
    return skipped;
  } catch (e) {
    return failJob(deps, job.roomName, `skip: ${errorText(e)}`);
  }
}

/**
 * Composing failed (the composer refused, or the grid video failed). The job records the attempt
 * and when to try again, so a restart continues the backoff; once the attempts are spent it fails
 * once, with the reason, and the chat is told. Speakers' transcripts already made are kept.
 */
export async function composeFailed(deps: PipelineDeps, roomName: string, reason: string): Promise<PipelineJob> {
  const max = deps.retry.composeMaxAttempts ?? deps.retry.maxAttempts;
  let attempts = 0;
  let giveUp = false;
  const { job, changed } = await updateJob(deps, roomName, (j) => {
    giveUp = false;
    const videoFailed = j.state === 'processing' && j.video && j.video.status !== 'ready';
    if (j.state !== 'composing' && !videoFailed) return null;
    attempts = (j.composeAttempts ?? 0) + 1;
    giveUp = attempts >= max;
    if (giveUp) return null;
    const retry = { composeAttempts: attempts, nextAttemptAt: nextAttemptAt(deps, attempts), reason: `compose attempt ${attempts}: ${reason}` };
    return j.state === 'composing'
      ? { ...retry, state: 'recorded' }
      : { ...retry, video: { ...(j.video as NonNullable<PipelineJob['video']>), status: 'failed' } };
  });
  if (giveUp) return failJob(deps, roomName, `compose: gave up after ${attempts} attempts: ${reason}`, { composeAttempts: attempts });
  if (!changed) return job;
  return retryLater(deps, job, () => retryCompose(deps, roomName));
}

/** The compose step again, for a job whose retry is due: from scratch, or only the failed video. */
export async function retryCompose(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  const current = await loadJob(deps, roomName);
  if (current.state === 'recorded') return requestCompositions(deps, roomName);
  if (current.state !== 'processing' || current.video?.status !== 'failed') return current;
  let started;
  try {
    started = await deps.composer.start({ name: current.roomName, sid: current.roomSid }, current.recordingId, {
      layout: current.kind === 'clip' ? 'pip' : 'grid',
    });
  } catch (e) {
    return composeFailed(deps, roomName, errorText(e));
  }
  const video = started.video;
  if (!video) return failJob(deps, roomName, 'compose: no_tracks_recorded');
  // Only the video is taken: the speakers' audio (and their transcripts) did not fail.
  const { changed, job } = await updateJob(deps, roomName, (j) =>
    j.state === 'processing' && j.video?.status === 'failed'
      ? { video: { compositionId: video.compositionId, status: video.status, durationSeconds: video.durationSeconds }, nextAttemptAt: undefined }
      : null,
  );
  return changed ? maybeAttach(deps, roomName) : job;
}
