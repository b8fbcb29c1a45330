import type { Kysely, Migration } from 'kysely';

/**
 * 0016: the media worker's queue (issue #18). On Twilio a speaker's transcript is no longer asked
 * of Voice Intelligence by the Function that hears the composition is ready: it becomes a row
 * here, which a media worker claims (lease), turns into FLAC and hands to Voice Intelligence
 * (src/adapters/twilio/media-worker/DESIGN-NOTE.md). The row's id is the transcript id the
 * pipeline job waits on; `transcript_sid` is Voice Intelligence's, once created. Portable DDL:
 * the same table on SQLite, where nothing uses it.
 */
export const mediaWorkMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ve_media_work')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('room_name', 'text', (c) => c.notNull())
      .addColumn('composition_id', 'text', (c) => c.notNull())
      .addColumn('customer_key', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('not_before', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('transcript_sid', 'text')
      .addColumn('media_ref', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The worker's claim: due rows of a state, oldest first.
    await db.schema.createIndex('ve_media_work_by_state').on('ve_media_work').columns(['state', 'not_before']).execute();
    // The transcript webhook names Voice Intelligence's sid.
    await db.schema.createIndex('ve_media_work_by_transcript').on('ve_media_work').column('transcript_sid').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ve_media_work').execute();
  },
};
