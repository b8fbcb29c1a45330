import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
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
import type { SupportEventStore } from '../../ports/support-event-store';
import type { OutboundStore } from '../../ports/outbound-store';
import { migrationProvider } from './migrations';
import type { SqlEngine, StoreTables } from './schema';
import { SqlClips } from './sql-clips';
import { SqlClipViews } from './sql-clip-views';
import { SqlConsents } from './sql-consents';
import { SqlEscalations } from './sql-escalations';
import { SqlMonitoringSessions } from './sql-monitoring-sessions';
import { SqlConversations } from './sql-conversations';
import { SqlPipelineStore } from './sql-pipeline-store';
import { SqlPrivacyStore } from './sql-privacy-store';
import { SqlRecordingLibrary } from './sql-recording-library';
import { SqlSupportEvents } from './sql-support-events';
import { SqlOutbound } from './sql-outbound';
import { SqlTokenRevocations } from './sql-token-revocations';

export type { SqlEngine } from './schema';

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
  /** The support event log, its ticket summaries and the metrics over them (0017). */
  supportEvents: SupportEventStore;
  /** The outbound event queue, its delivery log and the stored endpoints (0018). */
  outbound: OutboundStore;
  /** Releases Kysely (and the PostgreSQL pool). A borrowed SQLite handle stays open. */
  close(): Promise<void>;
}

/** The stores the core reads and writes directly, the same on both back ends (CoreDeps' share of the SQL store). */
export function coreStores(
  store: SqlStore,
): Pick<SqlStore, 'escalations' | 'consents' | 'clips' | 'clipViews' | 'monitoring' | 'privacy' | 'supportEvents'> {
  const { escalations, consents, clips, clipViews, monitoring, privacy, supportEvents } = store;
  return { escalations, consents, clips, clipViews, monitoring, privacy, supportEvents };
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
    supportEvents: new SqlSupportEvents(db),
    outbound: new SqlOutbound(db),
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
