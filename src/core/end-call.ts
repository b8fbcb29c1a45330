import { DomainError } from '../domain/errors';
import type { Escalation } from '../domain/escalation';
import { hasRole, type StaffIdentity } from '../domain/identity';
import { MESSAGE_TYPES } from '../domain/message-types';
import type { CoreDeps } from './deps';
import { endMonitoringOf } from './monitoring/monitor';
import { roomEnded } from './pipeline/room-ended';
import { noteSupportEvent } from './support/note-support-event';

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
  if (escalation.status !== 'ended') await deps.rooms.endRoom({ name: escalation.roomName, sid: escalation.roomSid });
  return finishEscalation(deps, escalation, { identity: staff.identity, name: staff.name });
}

/**
 * The media server says the room is over (Twilio's room-ended callback: everyone left, a timeout,
 * or our own completion). Same ending as `endCall`, without touching the room again.
 */
export async function roomCompleted(deps: CoreDeps, room: { roomName: string; roomSid: string }): Promise<Escalation> {
  const escalation = await deps.escalations.findByRoomName(room.roomName);
  if (!escalation || escalation.roomSid !== room.roomSid) {
    throw new DomainError('not_found', 'room_not_found', 'No video call uses this room.');
  }
  return finishEscalation(deps, escalation, { identity: 'system', name: 'Video' });
}

async function finishEscalation(deps: CoreDeps, escalation: Escalation, by: { identity: string; name: string }): Promise<Escalation> {
  let ended = escalation;
  if (escalation.status !== 'ended') {
    ended = { ...escalation, status: 'ended', endedAt: deps.clock.now().toISOString(), endedBy: by.identity };
    await deps.escalations.update(ended);
    const seconds = Math.max(0, Math.round((Date.parse(ended.endedAt as string) - Date.parse(ended.createdAt)) / 1000));
    await noteSupportEvent(deps, ended.conversationId, { kind: 'call_ended', callId: ended.id, seconds });
  }
  const endedAt = ended.endedAt as string;

  const key = `ended:${ended.id}`;
  if (!(await deps.conversations.findMessageByAttribute(ended.conversationId, 'idempotencyKey', key))) {
    await deps.conversations.postMessage(ended.conversationId, {
      author: by.name,
      body: 'The video call has ended.',
      attributes: { type: ENDED_MESSAGE_TYPE, escalationId: ended.id, roomName: ended.roomName, idempotencyKey: key },
    });
  }
  await deps.conversations.mergeAttributes(ended.conversationId, {
    videoEscalation: { escalationId: ended.id, roomName: ended.roomName, status: 'ended', startedAt: ended.createdAt, endedAt },
  });
  await endMonitoringOf(deps, ended.id, endedAt);
  await roomEnded(deps.pipeline, {
    roomName: ended.roomName,
    roomSid: ended.roomSid,
    conversationId: ended.conversationId,
    escalationId: ended.id,
    recording: ended.recording,
    endedAt,
  });
  return ended;
}
