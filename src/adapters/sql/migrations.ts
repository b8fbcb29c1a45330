import type { Kysely, Migration, MigrationProvider } from 'kysely';

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
};

/** In code, not files: the Functions are bundled with esbuild and have no migrations folder. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
