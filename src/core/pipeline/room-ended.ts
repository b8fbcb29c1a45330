import type { PipelineJob } from '../../domain/pipeline-job';
import { requestCompositions } from './compose/compose';
import type { PipelineDeps } from './deps';
import type { RoomEndedEvent } from './events';
import { loadJob } from './job-update';

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
