import type { PipelineJob } from '../../domain/pipeline-job';
import { requestCompositions } from './compose/compose';
import type { PipelineDeps } from './deps';
import type { RoomEndedEvent } from './events';
import { loadJob } from './job-update';
import { initialWatchLink } from '../watch/watch-links';

/**
 * The pipeline's entry, from `endCall` and the room-status webhook alike: one job per room, then
 * the compositions are requested. A second delivery finds the job and changes nothing.
 */
export async function roomEnded(deps: PipelineDeps, event: RoomEndedEvent): Promise<PipelineJob> {
  await insertJob(deps, event);
  // Only the job's advancer goes on (its lease, where the back end keeps one); another worker
  // holding it is already moving it on.
  if (!deps.exclusive) return requestCompositions(deps, event.roomName);
  return (await deps.exclusive(event.roomName, () => requestCompositions(deps, event.roomName))) ?? loadJob(deps, event.roomName);
}

/**
 * The room's job, stored before anything is composed (an agent's clip: its message carries the
 * recording's watch link from Send on). `roomEnded` then finds it and goes on.
 */
export async function registerRecording(deps: PipelineDeps, event: RoomEndedEvent): Promise<PipelineJob> {
  await insertJob(deps, event);
  return loadJob(deps, event.roomName);
}

async function insertJob(deps: PipelineDeps, event: RoomEndedEvent): Promise<void> {
  const at = deps.clock.now().toISOString();
  // The customer's watch link is part of the job from the start: the message that carries it needs no write of its own.
  const watchLink = event.recording ? initialWatchLink(deps, { kind: event.kind, clip: event.clip }) : undefined;
  await deps.store.insertIfAbsent({
    roomName: event.roomName,
    roomSid: event.roomSid,
    conversationId: event.conversationId,
    escalationId: event.escalationId,
    recordingId: deps.newRecordingId(),
    recording: event.recording,
    endedAt: event.endedAt,
    ...(event.kind === 'clip' ? { kind: 'clip' as const, clip: event.clip } : {}),
    ...(watchLink ? { watchLink } : {}),
    state: 'recorded',
    version: 0,
    createdAt: at,
    updatedAt: at,
  });
}
