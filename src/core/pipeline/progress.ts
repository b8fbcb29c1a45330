import type { Attributes } from '../../domain/conversation';
import type { PipelineJob } from '../../ports/pipeline-store';

/**
 * Where each recording of a conversation stands, in the conversation's attributes, so the agent
 * sees the long work progress (both back ends expose attribute changes live). No reasons here:
 * the conversation is shared with the customer; reasons stay in the job.
 */
export function progressPatch(job: PipelineJob): Attributes {
  return {
    videoRecordings: {
      [job.recordingId]: {
        recordingId: job.recordingId,
        roomName: job.roomName,
        escalationId: job.escalationId,
        state: job.state,
        updatedAt: job.updatedAt,
      },
    },
  };
}
