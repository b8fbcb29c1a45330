import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type ColumnType, type Dialect } from 'kysely';
import { Pool } from 'pg';
import { logger } from '../../logger';
import type { ClipStore } from '../../ports/clip-store';
import type { ClipViewStore } from '../../ports/clip-view-store';
import type { ConsentStore } from '../../ports/consent-store';
import type { EscalationStore } from '../../ports/escalation-store';
import type { MonitoringStore } from '../../ports/monitoring-store';
import type { PipelineStore } from '../../ports/pipeline-store';
import type { PrivacyStore } from '../../ports/privacy-store';
import type { RecordingLibrary } from '../../ports/recording-library';
import { migrationProvider } from './migrations';
import { SqlClips } from './sql-clips';
import { SqlClipViews } from './sql-clip-views';
import { SqlConsents } from './sql-consents';
import { SqlEscalations } from './sql-escalations';
import { SqlMonitoringSessions } from './sql-monitoring-sessions';
import { SqlConversations } from './sql-conversations';
import { SqlPipelineStore } from './sql-pipeline-store';
import { SqlPrivacyStore } from './sql-privacy-store';
import { SqlRecordingLibrary } from './sql-recording-library';
import { SqlTokenRevocations } from './sql-token-revocations';

/** Row types of the tables in migrations.ts; keep the two in step. */
export interface EscalationsTable {
  id: string;
  conversation_id: string;
  room_name: string;
  status: string;
  created_at: string;
  record_json: string;
}

export interface PipelineJobsTable {
  room_name: string;
  recording_id: string;
  conversation_id: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  job_json: string;
  /** Which worker advances the job, and until when (ISO time); null when nobody holds it (0008). */
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RecordingArtifactsTable {
  recording_id: string;
  name: string;
  content: string;
}

export interface ConversationsTable {
  id: string;
  friendly_name: string;
  attributes_json: string;
  created_at: string;
}

export interface ConversationMessagesTable {
  /** Position in the change feed when the message was posted: orders a conversation's messages. */
  seq: number;
  id: string;
  conversation_id: string;
  author: string;
  body: string;
  attributes_json: string;
  created_at: string;
}

export interface ConversationEventsTable {
  seq: number;
  conversation_id: string;
  kind: 'message' | 'conversation';
  payload_json: string;
}

/** One row (id 1): the last sequence number handed out to the conversation change feed. */
export interface ConversationFeedTable {
  id: number;
  last_seq: number;
}

export interface RevokedTokensTable {
  jti: string;
  /** Unix seconds (bigint column); only compared in SQL, never read back. */
  expires_at: number;
}

export interface ConsentsTable {
  id: string;
  escalation_id: string;
  room_name: string;
  participant_identity: string;
  role: string;
  notice_version: string;
  notice_text: string;
  user_agent: string;
  consented_at: string;
}

export interface ClipsTable {
  id: string;
  conversation_id: string;
  room_name: ColumnType<string | null, string | null | undefined, string | null>;
  status: string;
  version: number;
  created_at: string;
  record_json: string;
}

export interface ClipViewsTable {
  clip_id: string;
  viewer: string;
  recording_id: string;
  conversation_id: string;
  opened_at: string;
  furthest_seconds: number;
  /** 0 or 1. */
  completed: number;
  completed_at: ColumnType<string | null, string | null | undefined, string | null>;
  last_event_at: string;
}

/** Supervisors' monitoring sessions (0012). */
export interface MonitoringSessionsTable {
  id: string;
  escalation_id: string;
  conversation_id: string;
  room_name: string;
  supervisor_identity: string;
  supervisor_name: string;
  participant_identity: string;
  /** 0 or 1. */
  barge_in: number;
  started_at: string;
  ended_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The recordings library (0011): one row per recording. */
export interface RecordingsTable {
  recording_id: string;
  /** bigint: end second × 512 + tie slot (see the migration); read back as a string by pg. */
  sort_key: ColumnType<number | string, number, number>;
  conversation_id: string;
  kind: string;
  agent_identity: string;
  agent_name: string;
  customer_name: string;
  ended_at: string;
  duration_seconds: number;
  state: string;
  /** 0 or 1. */
  has_transcript: number;
  /** 0 or 1: PII was found in its transcript (0013). */
  pii: ColumnType<number, number | undefined, number>;
  /** Set once its media was deleted (0013). */
  media_deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  media_deletion_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The first close of each conversation (0013). */
export interface ClosuresTable {
  conversation_id: string;
  closed_at: string;
  closed_by: string;
  source: string;
  /** Set once nothing is left to delete under the policy: the sweep no longer lists it (0014). */
  settled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Legal holds in force (0013). */
export interface LegalHoldsTable {
  conversation_id: string;
  reason: string;
  set_by: string;
  set_at: string;
}

/** The audit log (0013); `seq` is assigned by the engine. */
export interface AuditLogTable {
  seq: ColumnType<number | string, never, never>;
  id: string;
  at: string;
  actor: string;
  action: string;
  conversation_id: string | null;
  subject: string | null;
  details_json: string | null;
}

/** Transcript lines of the library (0011); full-text indexed (FTS5 table / tsvector column beside it). */
export interface TranscriptLinesTable {
  line_id: ColumnType<number | string, number, number>;
  recording_id: string;
  start_seconds: number;
  end_seconds: number;
  speaker: string;
  text: string;
}

export interface StoreTables {
  ve_conversation_closures: ClosuresTable;
  ve_legal_holds: LegalHoldsTable;
  ve_audit_log: AuditLogTable;
  ve_recordings: RecordingsTable;
  ve_transcript_lines: TranscriptLinesTable;
  ve_monitoring_sessions: MonitoringSessionsTable;
  ve_clips: ClipsTable;
  ve_clip_views: ClipViewsTable;
  ve_escalations: EscalationsTable;
  ve_pipeline_jobs: PipelineJobsTable;
  ve_recording_artifacts: RecordingArtifactsTable;
  ve_conversations: ConversationsTable;
  ve_conversation_messages: ConversationMessagesTable;
  ve_conversation_events: ConversationEventsTable;
  ve_conversation_feed: ConversationFeedTable;
  ve_revoked_tokens: RevokedTokensTable;
  ve_consents: ConsentsTable;
}

export type SqlEngine = 'sqlite' | 'postgres';

/** Every store over one migrated database. */
export interface SqlStore {
  engine: SqlEngine;
  db: Kysely<StoreTables>;
  escalations: EscalationStore;
  consents: ConsentStore;
  clips: ClipStore;
  /** Who watched which clip how far (0010). */
  clipViews: ClipViewStore;
  /** Supervisors' monitoring sessions (0012). */
  monitoring: MonitoringStore;
  pipeline: PipelineStore;
  /** The supervisors' recordings library and transcript search (0011). */
  library: RecordingLibrary;
  /** ConversationsPort plus the local extras (create, list, change feed); local mode's chat. */
  conversations: SqlConversations;
  /** Signed-out local staff tokens (LocalIdentity). */
  revocations: SqlTokenRevocations;
  /** Closures, legal holds and the audit log (0013). */
  privacy: PrivacyStore;
  /** Releases Kysely (and the PostgreSQL pool). A borrowed SQLite handle stays open. */
  close(): Promise<void>;
}

/**
 * The embedded store on an already opened better-sqlite3 handle (see local/db.ts `openDb`, which
 * sets WAL and busy_timeout). The caller owns the handle: other local adapters share it.
 */
export async function openSqliteStore(handle: BetterSqlite3.Database): Promise<SqlStore> {
  // Kysely's SQLite driver closes its database on destroy; hand it a view whose close is a no-op.
  const borrowed = { close: () => undefined, prepare: (sql: string) => handle.prepare(sql) };
  return openStoreWith(new SqliteDialect({ database: borrowed }), 'sqlite', (migrate) => immediately(handle, migrate));
}

export interface PostgresStoreOptions {
  /** Pool size. Each Function invocation opens its own pool, so keep it small. */
  max?: number;
}

/** The production store on PostgreSQL. */
export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<SqlStore> {
  const pool = new Pool({ connectionString, max: options.max ?? 4 });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would kill the process.
  pool.on('error', (err) => logger.warn({ err }, 'idle PostgreSQL connection failed'));
  return openStoreWith(new PostgresDialect({ pool }), 'postgres');
}

/**
 * Any Kysely dialect of the two engine families (the bench uses it for PGlite). Runs the
 * migrations before returning; on PostgreSQL the Migrator serialises concurrent openers with an
 * advisory lock inside its transaction.
 */
export async function openStoreWith(
  dialect: Dialect,
  engine: SqlEngine,
  wrapMigration: (migrate: () => Promise<void>) => Promise<void> = (migrate) => migrate(),
): Promise<SqlStore> {
  const db = new Kysely<StoreTables>({ dialect });
  try {
    await wrapMigration(() => migrateToLatest(db));
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    engine,
    db,
    escalations: new SqlEscalations(db),
    consents: new SqlConsents(db),
    clips: new SqlClips(db),
    clipViews: new SqlClipViews(db),
    monitoring: new SqlMonitoringSessions(db),
    pipeline: new SqlPipelineStore(db),
    library: new SqlRecordingLibrary(db, engine),
    conversations: new SqlConversations(db, engine),
    revocations: new SqlTokenRevocations(db),
    privacy: new SqlPrivacyStore(db),
    close: () => db.destroy(),
  };
}

async function migrateToLatest(db: Kysely<StoreTables>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'setup';
    throw new Error(`store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * Kysely's Migrator takes no lock on SQLite (it assumes one connection), but the Functions process
 * and the local worker open the same file. BEGIN IMMEDIATE takes the write lock up front (waiting
 * out the other process via busy_timeout), so the second opener sees the migrations already done.
 * Kysely issues its statements on this same handle, so they run inside this transaction.
 */
async function immediately(handle: BetterSqlite3.Database, migrate: () => Promise<void>): Promise<void> {
  if (handle.inTransaction) throw new Error('openSqliteStore: the handle is inside a transaction');
  handle.exec('BEGIN IMMEDIATE');
  try {
    await migrate();
    handle.exec('COMMIT');
  } catch (err) {
    if (handle.inTransaction) handle.exec('ROLLBACK');
    throw err;
  }
}
