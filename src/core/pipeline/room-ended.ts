import type { PipelineJob, SpeakerStep } from '../../ports/pipeline-store';
import type { SpeechComposition } from '../../ports/composer';
import type { PipelineDeps } from './deps';
import type { RoomEndedEvent } from './events';
import { errorText, failJob, loadJob, messageAuthor, updateJob } from './job-update';
import { notRecordedMessage } from './recording-message';
import { requestTranscript } from './transcript-events';
import { maybeAttach } from './attach';
import { composeFailed } from './compose-retry';

/**
 * The pipeline's entry, from `endCall` and the room-status webhook alike: one job per room, then
 * the compositions are requested. A second delivery finds the job and changes nothing.
 */
export async function roomEnded(deps: PipelineDeps, event: RoomEndedEvent): Promise<PipelineJob> {
  const at = deps.clock.now().toISOString();
  await deps.store.insertIfAbsent({
    roomName: event.roomName,
    roomSid: event.roomSid,
    conversationId: event.conversationId,
    escalationId: event.escalationId,
    recordingId: deps.newRecordingId(),
    recording: event.recording,
    endedAt: event.endedAt,
    ...(event.kind === 'clip' ? { kind: 'clip' as const, clip: event.clip } : {}),
    state: 'recorded',
    version: 0,
    createdAt: at,
    updatedAt: at,
  });
  // Only the job's advancer goes on (its lease, where the back end keeps one); another worker
  // holding it is already moving it on.
  if (!deps.exclusive) return requestCompositions(deps, event.roomName);
  return (await deps.exclusive(event.roomName, () => requestCompositions(deps, event.roomName))) ?? loadJob(deps, event.roomName);
}

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
