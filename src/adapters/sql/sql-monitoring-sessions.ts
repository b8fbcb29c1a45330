import type { Kysely, Selectable } from 'kysely';
import type { MonitoringSession } from '../../domain/monitoring';
import type { MonitoringStore } from '../../ports/monitoring-store';
import type { MonitoringSessionsTable, StoreTables } from './schema';

const toSession = (r: Selectable<MonitoringSessionsTable>): MonitoringSession => ({
  id: r.id,
  escalationId: r.escalation_id,
  conversationId: r.conversation_id,
  roomName: r.room_name,
  supervisorIdentity: r.supervisor_identity,
  supervisorName: r.supervisor_name,
  participantIdentity: r.participant_identity,
  bargeIn: Number(r.barge_in) === 1,
  startedAt: r.started_at,
  ...(r.ended_at ? { endedAt: r.ended_at } : {}),
});

/** Monitoring sessions in `ve_monitoring_sessions` (migration 0012). */
export class SqlMonitoringSessions implements MonitoringStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async insert(s: MonitoringSession): Promise<void> {
    await this.db
      .insertInto('ve_monitoring_sessions')
      .values({
        id: s.id,
        escalation_id: s.escalationId,
        conversation_id: s.conversationId,
        room_name: s.roomName,
        supervisor_identity: s.supervisorIdentity,
        supervisor_name: s.supervisorName,
        participant_identity: s.participantIdentity,
        barge_in: s.bargeIn ? 1 : 0,
        started_at: s.startedAt,
        ended_at: s.endedAt ?? null,
      })
      .execute();
  }

  async get(id: string): Promise<MonitoringSession | null> {
    const row = await this.db.selectFrom('ve_monitoring_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async end(id: string, endedAt: string): Promise<MonitoringSession | null> {
    // One statement: two Stops racing still leave the first end.
    await this.db.updateTable('ve_monitoring_sessions').set({ ended_at: endedAt }).where('id', '=', id).where('ended_at', 'is', null).execute();
    return this.get(id);
  }

  async listByEscalation(escalationId: string): Promise<MonitoringSession[]> {
    const rows = await this.db
      .selectFrom('ve_monitoring_sessions')
      .selectAll()
      .where('escalation_id', '=', escalationId)
      .orderBy('started_at')
      .orderBy('id')
      .execute();
    return rows.map(toSession);
  }
}
