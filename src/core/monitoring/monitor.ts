import type { MonitorRequest, MonitorResponse, StopMonitorRequest } from '../../api/library-contract';
import { RECORDING_NOTICE } from '../../domain/consent';
import { DomainError } from '../../domain/errors';
import { monitorParticipantIdentity, supervisorParticipantIdentity, type Escalation } from '../../domain/escalation';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { MonitoringSession } from '../../domain/monitoring';
import type { CoreDeps } from '../deps';
import { requireSupervisor } from './supervisor-only';

/**
 * A supervisor starts watching a live call. Silent (the default): a receive-only grant for a hidden
 * identity (`monitor:<id>`), which no participant's UI lists and presence checks never count.
 * Barge-in: a visible `supervisor:<id>` grant that may publish audio, announced in every UI; on a
 * recorded call it is recorded, so the supervisor's consent is stored like the agent's.
 * Either way the session is stored first: who, which call, since when.
 */
export async function startMonitoring(deps: CoreDeps, staff: StaffIdentity, request: MonitorRequest): Promise<MonitorResponse> {
  requireSupervisor(staff);
  const escalation = await deps.escalations.get(request.escalationId);
  if (!escalation) throw new DomainError('not_found', 'escalation_not_found', 'No such video call.');
  if (escalation.status !== 'active') throw new DomainError('gone', 'call_ended', 'This video call has ended.');
  const bargeIn = request.bargeIn === true;
  const identity = bargeIn ? supervisorParticipantIdentity(staff.identity) : monitorParticipantIdentity(staff.identity);
  const session: MonitoringSession = {
    id: deps.newId(),
    escalationId: escalation.id,
    conversationId: escalation.conversationId,
    roomName: escalation.roomName,
    supervisorIdentity: staff.identity,
    supervisorName: staff.name,
    participantIdentity: identity,
    bargeIn,
    startedAt: deps.clock.now().toISOString(),
  };
  await deps.monitoring.insert(session);
  if (bargeIn && escalation.recording) await recordSupervisorConsent(deps, escalation, identity, session.startedAt);
  const access = await deps.rooms.grantAccess(
    { name: escalation.roomName, sid: escalation.roomSid },
    { identity, displayName: staff.name, role: 'supervisor', ttlSeconds: deps.config.ACCESS_TTL_SECONDS, receiveOnly: !bargeIn },
  );
  return { monitoringId: session.id, access };
}

/**
 * Ends a monitoring session: its end is stored (once: a second Stop keeps the first end) and, if
 * the call is still on, the grant is revoked and the monitor removed from the room.
 */
export async function stopMonitoring(deps: CoreDeps, staff: StaffIdentity, request: StopMonitorRequest): Promise<MonitoringSession> {
  requireSupervisor(staff);
  const session = await deps.monitoring.get(request.monitoringId);
  if (!session) throw new DomainError('not_found', 'monitoring_not_found', 'No such monitoring session.');
  if (session.supervisorIdentity !== staff.identity && !hasRole(staff, 'admin')) {
    throw new DomainError('forbidden', 'not_your_monitoring', 'Only the supervisor who started this monitoring can stop it.');
  }
  const ended = (await deps.monitoring.end(session.id, deps.clock.now().toISOString())) ?? session;
  const escalation = await deps.escalations.get(session.escalationId);
  if (escalation?.status === 'active') {
    await deps.rooms.removeParticipant({ name: escalation.roomName, sid: escalation.roomSid }, session.participantIdentity);
  }
  return ended;
}

/** The call ended: every session still watching it ends with it (the supervisor may never press Stop). */
export async function endMonitoringOf(deps: Pick<CoreDeps, 'monitoring'>, escalationId: string, endedAt: string): Promise<void> {
  for (const s of await deps.monitoring.listByEscalation(escalationId)) {
    if (!s.endedAt) await deps.monitoring.end(s.id, endedAt);
  }
}

async function recordSupervisorConsent(deps: CoreDeps, e: Escalation, identity: string, at: string): Promise<void> {
  await deps.consents.record({
    id: deps.newId(),
    escalationId: e.id,
    roomName: e.roomName,
    participantIdentity: identity,
    role: 'supervisor',
    noticeVersion: RECORDING_NOTICE.version,
    noticeText: RECORDING_NOTICE.text,
    userAgent: '',
    consentedAt: at,
  });
}
