import { DomainError } from '../domain/errors';
import type { Escalation } from '../domain/escalation';
import { hasRole, type StaffIdentity } from '../domain/identity';
import type { CoreDeps } from './deps';

export const ENDED_MESSAGE_TYPE = 'video-escalation-ended';

/**
 * Ends the call for everyone, revokes the customer link (an ended escalation opens no link) and
 * hands the room to the recording pipeline. Ending twice is harmless and returns the ended call.
 */
export async function endCall(deps: CoreDeps, staff: StaffIdentity, escalationId: string): Promise<Escalation> {
  const escalation = await deps.escalations.get(escalationId);
  if (!escalation) throw new DomainError('not_found', 'escalation_not_found', 'No such video call.');
  const owner = escalation.agentIdentity === staff.identity && hasRole(staff, 'agent');
  if (!owner && !hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'not_your_call', 'Only the agent on this call or a supervisor can end it.');
  }
  if (escalation.status === 'ended') return escalation;

  await deps.rooms.endRoom({ name: escalation.roomName, sid: escalation.roomSid });
  const ended: Escalation = {
    ...escalation,
    status: 'ended',
    endedAt: deps.clock.now().toISOString(),
    endedBy: staff.identity,
  };
  await deps.escalations.update(ended);
  await deps.conversations.postMessage(escalation.conversationId, {
    author: staff.name,
    body: 'The video call has ended.',
    attributes: { type: ENDED_MESSAGE_TYPE, escalationId: escalation.id, roomName: escalation.roomName },
  });
  await deps.conversations.mergeAttributes(escalation.conversationId, {
    videoEscalation: {
      escalationId: escalation.id,
      roomName: escalation.roomName,
      status: 'ended',
      startedAt: escalation.createdAt,
      endedAt: ended.endedAt,
    },
  });
  await deps.recordingJobs.roomEnded({
    roomName: escalation.roomName,
    roomSid: escalation.roomSid,
    conversationId: escalation.conversationId,
    escalationId: escalation.id,
    recording: escalation.recording,
    endedAt: ended.endedAt as string,
  });
  return ended;
}
