import { sql, SqliteAdapter, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { monitoringSessionsMigration } from './migration-0012-monitoring';
import { privacyMigration } from './migration-0013-privacy';
import { closureSettledMigration } from './migration-0014-closure-settled';
import { staffNamesMigration } from './migration-0015-staff-names';
import { mediaWorkMigration } from './migration-0016-media-work';
import { supportEventsMigration } from './migration-0017-support-events';
import { outboundWebhooksMigration } from './migration-0018-outbound-webhooks';
import { transcriptCorrectionsMigration } from './migration-0019-transcript-corrections';
import { recordingLibraryMigration } from './migration-0011-recording-library';

/**
 * The one migration history for SQLite and PostgreSQL. Only schema-builder calls and portable
 * types (text, integer), so both engines run the very same steps.
 *
 * Records are stored as JSON text (the domain type is the source of truth) next to the columns we
 * look them up or sort by. Times are ISO-8601 UTC strings from the domain, which sort
 * chronologically as text on both engines.
 *
 * Append only: never edit a migration that has shipped; add the next one (names sort in order).
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_ve_escalations': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('ve_escalations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('room_name', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('record_json', 'text', (c) => c.notNull())
        .execute();
      // findActiveByConversation: newest active escalation of a conversation.
      await db.schema
        .createIndex('ve_escalations_by_conversation')
        .on('ve_escalations')
        .columns(['conversation_id', 'status', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_escalations').execute();
    },
  },
  '0002_ve_pipeline_jobs': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('ve_pipeline_jobs')
        .addColumn('room_name', 'text', (c) => c.primaryKey())
        .addColumn('recording_id', 'text', (c) => c.notNull().unique())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('job_json', 'text', (c) => c.notNull())
        .execute();
      // listUnfinished and listByConversation, both oldest first.
      await db.schema.createIndex('ve_pipeline_jobs_by_state').on('ve_pipeline_jobs').columns(['state', 'created_at']).execute();
      await db.schema
        .createIndex('ve_pipeline_jobs_by_conversation')
        .on('ve_pipeline_jobs')
        .columns(['conversation_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_pipeline_jobs').execute();
    },
  },
  '0003_ve_recording_artifacts': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Captions and transcript of a recording where no file system is shared (Twilio Functions).
      await db.schema
        .createTable('ve_recording_artifacts')
        .addColumn('recording_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ve_recording_artifacts_pk', ['recording_id', 'name'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_recording_artifacts').execute();
    },
  },
  '0004_ve_conversations': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Local mode's stand-in for Twilio Conversations (production keeps chats in Twilio).
      await db.schema
        .createTable('ve_conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('friendly_name', 'text', (c) => c.notNull())
        .addColumn('attributes_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // `seq` is the message's position in the change feed (handed out by ve_conversation_feed), so
      // a conversation's messages list in the order they were posted.
      await db.schema
        .createTable('ve_conversation_messages')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('ve_conversations.id'))
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('attributes_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ve_conversation_messages_by_conversation')
        .on('ve_conversation_messages')
        .columns(['conversation_id', 'seq'])
        .execute();
      // Every change, in commit order: how pages served by another process learn of it (SSE).
      await db.schema
        .createTable('ve_conversation_events')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('message', 'conversation')`))
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .execute();
      // The feed's counter, one row. Writers bump it first in their transaction: that takes the
      // write lock (SQLite) or the row lock (PostgreSQL) up front, so sequence numbers are handed
      // out in commit order and a reader polling "after seq N" never skips a late commit.
      await db.schema
        .createTable('ve_conversation_feed')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .execute();
      await (db as Kysely<{ ve_conversation_feed: { id: number; last_seq: number } }>)
        .insertInto('ve_conversation_feed')
        .values({ id: 1, last_seq: 0 })
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_conversation_feed').execute();
      await db.schema.dropTable('ve_conversation_events').execute();
      await db.schema.dropTable('ve_conversation_messages').execute();
      await db.schema.dropTable('ve_conversations').execute();
    },
  },
  '0005_ve_revoked_tokens': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Local staff tokens signed out before they expire. bigint: Unix seconds outlive int4 in 2038.
      await db.schema
        .createTable('ve_revoked_tokens')
        .addColumn('jti', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_revoked_tokens').execute();
    },
  },
  '0006_ve_import_local_tables': {
    /**
     * Local data files made before 0004/0005 hold the same data in the raw tables the local
     * adapters created themselves (`conversations`, `messages`, `conversation_events`,
     * `revoked_tokens`). Carry it over, sequence numbers included (a reconnecting page resumes
     * its feed by them; a signed-out token stays signed out), then drop the old tables. Those
     * tables only ever existed in local SQLite files: on PostgreSQL this step does nothing.
     */
    async up(db: Kysely<unknown>): Promise<void> {
      if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
      const tables = new Set((await db.introspection.getTables()).map((t) => t.name));
      if (tables.has('conversations')) {
        await sql`INSERT INTO ve_conversations (id, friendly_name, attributes_json, created_at)
          SELECT id, friendly_name, attributes_json, created_at FROM conversations`.execute(db);
      }
      if (tables.has('messages')) {
        await sql`INSERT INTO ve_conversation_messages (seq, id, conversation_id, author, body, attributes_json, created_at)
          SELECT seq, id, conversation_id, author, body, attributes_json, created_at FROM messages`.execute(db);
      }
      if (tables.has('conversation_events')) {
        await sql`INSERT INTO ve_conversation_events (seq, conversation_id, kind, payload_json)
          SELECT seq, conversation_id, kind, payload_json FROM conversation_events`.execute(db);
      }
      // Old messages and events had a sequence each; new ones take numbers above both.
      await sql`UPDATE ve_conversation_feed SET last_seq = MAX(last_seq,
          (SELECT COALESCE(MAX(seq), 0) FROM ve_conversation_events),
          (SELECT COALESCE(MAX(seq), 0) FROM ve_conversation_messages))`.execute(db);
      if (tables.has('revoked_tokens')) {
        await sql`INSERT INTO ve_revoked_tokens (jti, expires_at) SELECT jti, expires_at FROM revoked_tokens`.execute(db);
      }
      for (const old of ['conversation_events', 'messages', 'conversations', 'revoked_tokens']) {
        if (tables.has(old)) await db.schema.dropTable(old).execute();
      }
    },
    async down(): Promise<void> {
      // The old tables are gone for good; their rows live on in the ve_ tables.
    },
  },
  '0007_ve_one_active_escalation_and_consents': {
    async up(db: Kysely<unknown>): Promise<void> {
      // At most one active escalation per conversation, enforced by the store: two Escalate
      // clicks racing each other cannot both create a call. Older duplicates (from before this
      // rule) are set aside first so the index can be built; nothing looks them up by that status.
      await sql`UPDATE ve_escalations SET status = 'superseded'
        WHERE status = 'active' AND EXISTS (SELECT 1 FROM ve_escalations newer
          WHERE newer.conversation_id = ve_escalations.conversation_id AND newer.status = 'active'
            AND (newer.created_at > ve_escalations.created_at
              OR (newer.created_at = ve_escalations.created_at AND newer.id > ve_escalations.id)))`.execute(db);
      await db.schema
        .createIndex('ve_escalations_one_active')
        .on('ve_escalations')
        .column('conversation_id')
        .unique()
        .where(sql.ref('status'), '=', 'active')
        .execute();
      // Who agreed to be recorded, when, to which notice, from which browser: proof, no content.
      await db.schema
        .createTable('ve_consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('escalation_id', 'text', (c) => c.notNull())
        .addColumn('room_name', 'text', (c) => c.notNull())
        .addColumn('participant_identity', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('notice_version', 'text', (c) => c.notNull())
        .addColumn('notice_text', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .addColumn('consented_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ve_consents_by_escalation').on('ve_consents').columns(['escalation_id', 'participant_identity']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_consents').execute();
      await db.schema.dropIndex('ve_escalations_one_active').execute();
    },
  },
  '0008_ve_pipeline_job_leases': {
    async up(db: Kysely<unknown>): Promise<void> {
      // One advancer per job: a worker claims the job's lease with a conditional UPDATE before it
      // advances it, renews it while working, and clears it after; an expired lease can be taken
      // over (its holder died). SQLite adds one column per ALTER TABLE.
      await db.schema.alterTable('ve_pipeline_jobs').addColumn('lease_owner', 'text').execute();
      await db.schema.alterTable('ve_pipeline_jobs').addColumn('lease_until', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('ve_pipeline_jobs').dropColumn('lease_until').execute();
      await db.schema.alterTable('ve_pipeline_jobs').dropColumn('lease_owner').execute();
    },
  },
  '0009_ve_clips': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Async clips: the record as JSON, the current take's room and the status to find it by.
      await db.schema
        .createTable('ve_clips')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('room_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('record_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ve_clips_by_room').on('ve_clips').column('room_name').execute();
      await db.schema.createIndex('ve_clips_by_status').on('ve_clips').columns(['status', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_clips').execute();
    },
  },
  '0010_ve_clip_views': {
    async up(db: Kysely<unknown>): Promise<void> {
      // Viewer events of clips, one row per clip and viewer (`customer` or a staff identity):
      // plain columns, since analytics will aggregate them. `completed` is 0/1 on both engines.
      await db.schema
        .createTable('ve_clip_views')
        .addColumn('clip_id', 'text', (c) => c.notNull())
        .addColumn('viewer', 'text', (c) => c.notNull())
        .addColumn('recording_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('furthest_seconds', 'double precision', (c) => c.notNull())
        .addColumn('completed', 'integer', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addColumn('last_event_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ve_clip_views_pk', ['clip_id', 'viewer'])
        .execute();
      await db.schema.createIndex('ve_clip_views_by_conversation').on('ve_clip_views').columns(['conversation_id', 'opened_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ve_clip_views').execute();
    },
  },
  '0011_ve_recording_library': recordingLibraryMigration,
  '0012_ve_monitoring_sessions': monitoringSessionsMigration,
  '0013_ve_privacy': privacyMigration,
  '0014_ve_closure_settled': closureSettledMigration,
  '0015_ve_staff_names': staffNamesMigration,
  '0016_ve_media_work': mediaWorkMigration,
  '0017_ve_support_events': supportEventsMigration,
  '0018_ve_outbound_webhooks': outboundWebhooksMigration,
  '0019_ve_transcript_corrections': transcriptCorrectionsMigration,
};

/** In code, not files: the Functions are bundled with esbuild and have no migrations folder. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
