import { DomainError } from '../domain/errors';
import type { Escalation } from '../domain/escalation';
import { hasRole, type StaffIdentity } from '../domain/identity';
import { MESSAGE_TYPES } from '../domain/message-types';
import type { CoreDeps } from './deps';

export const ENDED_MESSAGE_TYPE = MESSAGE_TYPES.ended;

/**
 * Ends the call for everyone, revokes the customer link (an ended escalation opens no link) and
 * hands the room to the recording pipeline. Resumable: every step after the room ends is
 * idempotent, so calling it again after a failure halfway completes what is missing, and calling
 * it on a finished call changes nothing.
 */
export async function endCall(deps: CoreDeps, staff: StaffIdentity, escalationId: string): Promise<Escalation> {
  const escalation = await deps.escalations.get(escalationId);
  if (!escalation) throw new DomainError('not_found', 'escalation_not_found', 'No such video call.');
  const owner = escalation.agentIdentity === staff.identity && hasRole(staff, 'agent');
  if (!owner && !hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'not_your_call', 'Only the agent on this call or a supervisor can end it.');
  }

  let ended = escalation;
  if (escalation.status !== 'ended') {
    await deps.rooms.endRoom({ name: escalation.roomName, sid: escalation.roomSid });
    ended = { ...escalation, status: 'ended', endedAt: deps.clock.now().toISOString(), endedBy: staff.identity };
    await deps.escalations.update(ended);
  }
  const endedAt = ended.endedAt as string;

  const key = `ended:${ended.id}`;
  if (!(await deps.conversations.findMessageByAttribute(ended.conversationId, 'idempotencyKey', key))) {
    await deps.conversations.postMessage(ended.conversationId, {
      author: staff.name,
      body: 'The video call has ended.',
      attributes: { type: ENDED_MESSAGE_TYPE, escalationId: ended.id, roomName: ended.roomName, idempotencyKey: key },
    });
  }
  await deps.conversations.mergeAttributes(ended.conversationId, {
    videoEscalation: { escalationId: ended.id, roomName: ended.roomName, status: 'ended', startedAt: ended.createdAt, endedAt },
  });
  await deps.recordingJobs.roomEnded({
    roomName: ended.roomName,
    roomSid: ended.roomSid,
    conversationId: ended.conversationId,
    escalationId: ended.id,
    recording: ended.recording,
    endedAt,
  });
  return ended;
}
