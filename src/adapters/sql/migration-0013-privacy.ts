import { SqliteAdapter, type Kysely, type Migration } from 'kysely';

/**
 * 0013: privacy and retention (issue #11), portable DDL on both engines.
 * - `ve_conversation_closures`: the first close of a conversation starts its retention clock
 *   (primary key on the conversation, so a second close cannot insert).
 * - `ve_legal_holds`: at most one hold per conversation; lifting deletes the row (the audit keeps it).
 * - `ve_audit_log`: ids and counts only; `seq` (rowid on SQLite, bigserial on PostgreSQL) orders
 *   entries written in the same millisecond, which a sweep does.
 * - `ve_recordings` learns whether PII was found and when (and why) its media was deleted, for
 *   the library list. SQLite adds one column per ALTER TABLE.
 */
export const privacyMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable('ve_conversation_closures')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey())
      .addColumn('closed_at', 'text', (c) => c.notNull())
      .addColumn('closed_by', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ve_conversation_closures_by_time').on('ve_conversation_closures').columns(['closed_at', 'conversation_id']).execute();
    await db.schema
      .createTable('ve_legal_holds')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ve_audit_log')
      .addColumn('seq', sqlite ? 'integer' : 'bigserial', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text')
      .addColumn('subject', 'text')
      .addColumn('details_json', 'text')
      .execute();
    await db.schema.createIndex('ve_audit_log_by_conversation').on('ve_audit_log').columns(['conversation_id', 'seq']).execute();
    await db.schema.alterTable('ve_recordings').addColumn('pii', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('ve_recordings').addColumn('media_deleted_at', 'text').execute();
    await db.schema.alterTable('ve_recordings').addColumn('media_deletion_reason', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('ve_recordings').dropColumn('media_deletion_reason').execute();
    await db.schema.alterTable('ve_recordings').dropColumn('media_deleted_at').execute();
    await db.schema.alterTable('ve_recordings').dropColumn('pii').execute();
    await db.schema.dropTable('ve_audit_log').execute();
    await db.schema.dropTable('ve_legal_holds').execute();
    await db.schema.dropTable('ve_conversation_closures').execute();
  },
};
