import type { Kysely, Migration } from 'kysely';

/**
 * 0012: supervisors' monitoring sessions (issue #10), plain columns so an audit can query them.
 * `barge_in` is 0/1 on both engines; `ended_at` stays null while the supervisor is watching.
 */
export const monitoringSessionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ve_monitoring_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('escalation_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('room_name', 'text', (c) => c.notNull())
      .addColumn('supervisor_identity', 'text', (c) => c.notNull())
      .addColumn('supervisor_name', 'text', (c) => c.notNull())
      .addColumn('participant_identity', 'text', (c) => c.notNull())
      .addColumn('barge_in', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .execute();
    await db.schema
      .createIndex('ve_monitoring_sessions_by_escalation')
      .on('ve_monitoring_sessions')
      .columns(['escalation_id', 'started_at'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ve_monitoring_sessions').execute();
  },
};
