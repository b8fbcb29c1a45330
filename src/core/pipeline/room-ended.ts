import type { PipelineJob, PipelineStore } from '../../ports/pipeline-store';
import type { RoomEndedEvent } from '../../ports/recording-jobs';

/**
 * The pipeline's entry: one job per room. A second delivery of the same event finds the job
 * already there and changes nothing. Returns whether this call created the job.
 */
export async function enqueueRoomEnded(
  store: PipelineStore,
  event: RoomEndedEvent,
  newRecordingId: () => string,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const job: PipelineJob = {
    roomName: event.roomName,
    roomSid: event.roomSid,
    conversationId: event.conversationId,
    escalationId: event.escalationId,
    recordingId: newRecordingId(),
    recording: event.recording,
    endedAt: event.endedAt,
    state: 'recorded',
    transcribeAttempts: 0,
    createdAt: at,
    updatedAt: at,
  };
  return store.insertIfAbsent(job);
}
