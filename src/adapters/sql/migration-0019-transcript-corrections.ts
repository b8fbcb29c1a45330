import type { ColumnType, Kysely, Migration } from 'kysely';

/**
 * 0019: corrected transcripts (#22). Portable DDL (text, integer, double precision) on both engines.
 * - `ve_transcript_corrections`: every saved correction of a line, who and when, the line before
 *   and after (redacted texts: the transcript never holds PII). Its id makes a repeat a no-op.
 * - `ve_recording_reviews`: one row per recording someone marked reviewed; the first mark stays.
 * - `ve_review_requirements`: one row per conversation a supervisor requires review of; lifting
 *   deletes it. Kept per conversation, so a clip sent later in a flagged ticket is required too.
 * Side tables rather than columns on `ve_recordings`: the pipeline's upsert of a row never
 * touches what people decided about it.
 */
export const transcriptCorrectionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ve_transcript_corrections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recording_id', 'text', (c) => c.notNull())
      .addColumn('line_index', 'integer', (c) => c.notNull())
      .addColumn('line_start', 'double precision', (c) => c.notNull())
      .addColumn('before_speaker', 'text', (c) => c.notNull())
      .addColumn('before_text', 'text', (c) => c.notNull())
      .addColumn('after_speaker', 'text', (c) => c.notNull())
      .addColumn('after_text', 'text', (c) => c.notNull())
      .addColumn('corrected_by', 'text', (c) => c.notNull())
      .addColumn('corrected_by_name', 'text')
      .addColumn('corrected_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ve_transcript_corrections_by_recording').on('ve_transcript_corrections').columns(['recording_id', 'corrected_at']).execute();
    await db.schema
      .createTable('ve_recording_reviews')
      .addColumn('recording_id', 'text', (c) => c.primaryKey())
      .addColumn('reviewed_by', 'text', (c) => c.notNull())
      .addColumn('reviewed_by_name', 'text')
      .addColumn('reviewed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ve_review_requirements')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey())
      .addColumn('required_by', 'text', (c) => c.notNull())
      .addColumn('required_by_name', 'text')
      .addColumn('required_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ve_review_requirements').execute();
    await db.schema.dropTable('ve_recording_reviews').execute();
    await db.schema.dropTable('ve_transcript_corrections').execute();
  },
};

type Nullable = ColumnType<string | null, string | null | undefined, string | null>;

/** The tables' rows for schema.ts's StoreTables (kept beside their DDL). */
export interface TranscriptCorrectionsTable {
  id: string;
  recording_id: string;
  line_index: number;
  line_start: number;
  before_speaker: string;
  before_text: string;
  after_speaker: string;
  after_text: string;
  corrected_by: string;
  corrected_by_name: Nullable;
  corrected_at: string;
}

export interface RecordingReviewsTable {
  recording_id: string;
  reviewed_by: string;
  reviewed_by_name: Nullable;
  reviewed_at: string;
}

export interface ReviewRequirementsTable {
  conversation_id: string;
  required_by: string;
  required_by_name: Nullable;
  required_at: string;
}
