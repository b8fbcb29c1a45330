import { sql, SqliteAdapter, type Kysely, type Migration } from 'kysely';

/**
 * 0011: the supervisors' recordings library (issue #10).
 *
 * `ve_recordings`, one row per recording, is portable DDL. Its `sort_key` (end time in seconds ×
 * 512 + a tie slot) is unique and orders recordings newest first; each transcript line's id is
 * `sort_key × 4096 + (4095 − line index)`, so "newest recording first, then line order" is simply
 * line id descending. That is the one order a full-text index can stream: FTS5 walks its doclists
 * by rowid and stops at LIMIT, and PostgreSQL can walk the primary key backwards. Ids stay below
 * 2^53 (until 2106), so SQLite hands them to JavaScript as exact numbers.
 *
 * The full-text index is the first place the engines differ, so this step branches:
 * - SQLite: the lines table's id is its rowid (INTEGER PRIMARY KEY), and an external-content
 *   FTS5 table over it (porter stemming, like PostgreSQL's `english`) is kept in step by triggers.
 * - PostgreSQL: a stored generated `tsvector` column (`english`) with a GIN index.
 */
export const recordingLibraryMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable('ve_recordings')
      .addColumn('recording_id', 'text', (c) => c.primaryKey())
      .addColumn('sort_key', 'bigint', (c) => c.notNull().unique())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('agent_identity', 'text', (c) => c.notNull())
      .addColumn('agent_name', 'text', (c) => c.notNull())
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text', (c) => c.notNull())
      .addColumn('duration_seconds', 'double precision', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('has_transcript', 'integer', (c) => c.notNull())
      .execute();
    // Newest-first pages, unfiltered and under each equality filter (an agent's own list above all).
    for (const [name, lead] of [
      ['ve_recordings_newest', []],
      ['ve_recordings_by_agent', ['agent_identity']],
      ['ve_recordings_by_state', ['state']],
      ['ve_recordings_by_kind', ['kind']],
    ] as const) {
      await db.schema.createIndex(name).on('ve_recordings').columns([...lead, 'ended_at', 'recording_id']).execute();
    }
    await db.schema
      .createTable('ve_transcript_lines')
      .addColumn('line_id', sqlite ? 'integer' : 'bigint', (c) => c.primaryKey())
      .addColumn('recording_id', 'text', (c) => c.notNull())
      .addColumn('start_seconds', 'double precision', (c) => c.notNull())
      .addColumn('end_seconds', 'double precision', (c) => c.notNull())
      .addColumn('speaker', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ve_transcript_lines_by_recording').on('ve_transcript_lines').column('recording_id').execute();
    if (sqlite) {
      await sql`CREATE VIRTUAL TABLE ve_transcript_fts USING fts5(text, content='ve_transcript_lines', content_rowid='line_id',
        tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
      await sql`CREATE TRIGGER ve_transcript_lines_ai AFTER INSERT ON ve_transcript_lines BEGIN
        INSERT INTO ve_transcript_fts(rowid, text) VALUES (new.line_id, new.text); END`.execute(db);
      await sql`CREATE TRIGGER ve_transcript_lines_ad AFTER DELETE ON ve_transcript_lines BEGIN
        INSERT INTO ve_transcript_fts(ve_transcript_fts, rowid, text) VALUES ('delete', old.line_id, old.text); END`.execute(db);
      await sql`CREATE TRIGGER ve_transcript_lines_au AFTER UPDATE ON ve_transcript_lines BEGIN
        INSERT INTO ve_transcript_fts(ve_transcript_fts, rowid, text) VALUES ('delete', old.line_id, old.text);
        INSERT INTO ve_transcript_fts(rowid, text) VALUES (new.line_id, new.text); END`.execute(db);
    } else {
      await sql`ALTER TABLE ve_transcript_lines ADD COLUMN tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`.execute(db);
      await sql`CREATE INDEX ve_transcript_lines_tsv ON ve_transcript_lines USING gin (tsv)`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`DROP TABLE ve_transcript_fts`.execute(db);
    await db.schema.dropTable('ve_transcript_lines').execute();
    await db.schema.dropTable('ve_recordings').execute();
  },
};
