import { isHiddenIdentity, roleOfIdentity } from '../../domain/escalation';
import { endCall } from '../end-call';
import { escalate } from '../escalate';
import { agent, makeTestDeps, supervisor } from '../test-support/local-deps';
import { listLiveCalls } from './live-calls';
import { startMonitoring, stopMonitoring } from './monitor';
import { codeOf } from '../test-support/code-of';

const admin = { identity: 'ada', name: 'Ada', roles: ['admin' as const] };
const otherSupervisor = { identity: 'sol', name: 'Sol', roles: ['supervisor' as const] };

async function liveCall(attributes: Record<string, unknown> = { customerName: 'Jordan Lee' }) {
  const t = await makeTestDeps();
  const conversation = await t.conversations.createConversation({ friendlyName: 'Printer jam', attributes });
  const { escalation } = await escalate(t.deps, agent, conversation.id);
  return { ...t, escalation };
}

describe('live calls', () => {
  it('lists each active call with its agent, customer, start and recording, for supervisors and admins', async () => {
    const t = await liveCall();
    const expected = [
      { escalationId: t.escalation.id, conversationId: t.escalation.conversationId, agentName: 'Alex', customerName: 'Jordan Lee', startedAt: t.escalation.createdAt, recording: true },
    ];
    expect(await listLiveCalls(t.deps, supervisor)).toEqual(expected);
    expect(await listLiveCalls(t.deps, admin)).toEqual(expected);
  });

  it('calls a customer with no name "Customer", and drops ended calls', async () => {
    const t = await liveCall({ crm: 1 });
    expect((await listLiveCalls(t.deps, supervisor)).map((c) => c.customerName)).toEqual(['Customer']);
    await endCall(t.deps, agent, t.escalation.id);
    expect(await listLiveCalls(t.deps, supervisor)).toEqual([]);
  });

  it('refuses agents', async () => {
    const t = await liveCall();
    expect(await codeOf(listLiveCalls(t.deps, agent))).toBe('403 supervisor_required');
  });
});

describe('monitoring', () => {
  it('silent: a receive-only grant for a hidden identity, and the session stored with who, which call and since when', async () => {
    const t = await liveCall();
    const { monitoringId, access } = await startMonitoring(t.deps, supervisor, { escalationId: t.escalation.id });
    expect(access).toMatchObject({ identity: 'monitor:sue', role: 'supervisor', receiveOnly: true, roomName: t.escalation.roomName });
    expect(isHiddenIdentity(access.identity)).toBe(true);
    // Not a participant role: presence checks (the empty-room watcher) never count it as staff.
    expect(roleOfIdentity(access.identity)).toBe('unknown');
    expect(await t.deps.monitoring.get(monitoringId)).toEqual({
      id: monitoringId,
      escalationId: t.escalation.id,
      conversationId: t.escalation.conversationId,
      roomName: t.escalation.roomName,
      supervisorIdentity: 'sue',
      supervisorName: 'Sue',
      participantIdentity: 'monitor:sue',
      bargeIn: false,
      startedAt: '2026-11-21T10:00:00.000Z',
    });
  });

  it('a hidden monitor is never among the connected identities', async () => {
    const t = await liveCall();
    const { access } = await startMonitoring(t.deps, supervisor, { escalationId: t.escalation.id });
    t.rooms.connect(t.escalation.roomName, access.identity);
    t.rooms.connect(t.escalation.roomName, 'agent:alex');
    expect(await t.rooms.connectedIdentities({ name: t.escalation.roomName, sid: t.escalation.roomSid })).toEqual(['agent:alex']);
  });

  it('stop stores the end once, and takes the monitor out of the room', async () => {
    const t = await liveCall();
    const { monitoringId } = await startMonitoring(t.deps, supervisor, { escalationId: t.escalation.id });
    t.advance(90);
    const ended = await stopMonitoring(t.deps, supervisor, { monitoringId });
    expect(ended).toMatchObject({ startedAt: '2026-11-21T10:00:00.000Z', endedAt: '2026-11-21T10:01:30.000Z' });
    expect(t.rooms.removed).toEqual(['monitor:sue']);
    t.advance(10);
    expect((await stopMonitoring(t.deps, supervisor, { monitoringId })).endedAt).toBe('2026-11-21T10:01:30.000Z');
  });

  it('the call ending ends every session still watching it', async () => {
    const t = await liveCall();
    const { monitoringId } = await startMonitoring(t.deps, supervisor, { escalationId: t.escalation.id });
    t.advance(30);
    await endCall(t.deps, agent, t.escalation.id);
    expect((await t.deps.monitoring.get(monitoringId))?.endedAt).toBe('2026-11-21T10:00:30.000Z');
    expect(await codeOf(startMonitoring(t.deps, supervisor, { escalationId: t.escalation.id }))).toBe('410 call_ended');
  });

  it('barge-in: a visible supervisor grant that may publish, and the supervisor consent on a recorded call', async () => {
    const t = await liveCall();
    const { monitoringId, access } = await startMonitoring(t.deps, supervisor, { escalationId: t.escalation.id, bargeIn: true });
    expect(access.identity).toBe('supervisor:sue');
    expect(access.receiveOnly).toBeUndefined();
    expect(roleOfIdentity(access.identity)).toBe('supervisor');
    expect((await t.deps.monitoring.get(monitoringId))?.bargeIn).toBe(true);
    const consents = await t.deps.consents.listByEscalation(t.escalation.id);
    expect(consents.map((c) => c.participantIdentity)).toContain('supervisor:sue');
  });

  it('roles: agents may neither start nor stop; only the supervisor who started (or an admin) stops', async () => {
    const t = await liveCall();
    expect(await codeOf(startMonitoring(t.deps, agent, { escalationId: t.escalation.id }))).toBe('403 supervisor_required');
    const { monitoringId } = await startMonitoring(t.deps, supervisor, { escalationId: t.escalation.id });
    expect(await codeOf(stopMonitoring(t.deps, agent, { monitoringId }))).toBe('403 supervisor_required');
    expect(await codeOf(stopMonitoring(t.deps, otherSupervisor, { monitoringId }))).toBe('403 not_your_monitoring');
    expect((await t.deps.monitoring.get(monitoringId))?.endedAt).toBeUndefined();
    expect(await codeOf(stopMonitoring(t.deps, admin, { monitoringId }))).toBe('resolved');
  });

  it('unknown call or session: 404', async () => {
    const t = await liveCall();
    expect(await codeOf(startMonitoring(t.deps, supervisor, { escalationId: 'nope' }))).toBe('404 escalation_not_found');
    expect(await codeOf(stopMonitoring(t.deps, supervisor, { monitoringId: 'nope' }))).toBe('404 monitoring_not_found');
  });
});
