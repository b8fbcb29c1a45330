import type { Kysely } from 'kysely';
import { type PipelineStore } from '../../ports/pipeline-store';
import { TERMINAL_STATES, type PipelineJob } from '../../domain/pipeline-job';
import type { StoreTables } from './schema';

type JsonRow = { job_json: string };
const toJob = (row: JsonRow | undefined): PipelineJob | null => (row ? (JSON.parse(row.job_json) as PipelineJob) : null);
const toJobs = (rows: JsonRow[]): PipelineJob[] => rows.map((r) => JSON.parse(r.job_json) as PipelineJob);

/**
 * Pipeline jobs, one row per room (the idempotency key). The job is JSON; the columns beside it
 * are what we look up, sort, or compare-and-set on.
 */
export class SqlPipelineStore implements PipelineStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async insertIfAbsent(job: PipelineJob): Promise<boolean> {
    const r = await this.db
      .insertInto('ve_pipeline_jobs')
      .values({
        room_name: job.roomName,
        recording_id: job.recordingId,
        conversation_id: job.conversationId,
        state: job.state,
        version: job.version,
        created_at: job.createdAt,
        updated_at: job.updatedAt,
        job_json: JSON.stringify(job),
      })
      // Only the room is the key: a recording id reused by another room is a bug and still throws.
      .onConflict((oc) => oc.column('room_name').doNothing())
      .executeTakeFirst();
    return r.numInsertedOrUpdatedRows === 1n;
  }

  async get(roomName: string): Promise<PipelineJob | null> {
    return toJob(await this.db.selectFrom('ve_pipeline_jobs').select('job_json').where('room_name', '=', roomName).executeTakeFirst());
  }

  async getByRecordingId(recordingId: string): Promise<PipelineJob | null> {
    return toJob(
      await this.db.selectFrom('ve_pipeline_jobs').select('job_json').where('recording_id', '=', recordingId).executeTakeFirst(),
    );
  }

  /**
   * One conditional UPDATE, no read-then-write: the database decides. On PostgreSQL a concurrent
   * writer blocks on the row lock, then re-checks the version against the committed row and
   * matches nothing; SQLite has one writer at a time anyway.
   */
  async saveIfUnchanged(job: PipelineJob): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_pipeline_jobs')
      .set({ state: job.state, version: job.version, updated_at: job.updatedAt, job_json: JSON.stringify(job) })
      .where('room_name', '=', job.roomName)
      .where('version', '=', job.version - 1)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Conditional UPDATE: the database picks the one winner (row lock on PostgreSQL, one writer on SQLite). */
  async claimLease(roomName: string, owner: string, until: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_pipeline_jobs')
      .set({ lease_owner: owner, lease_until: until })
      .where('room_name', '=', roomName)
      .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_owner', '=', owner), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async releaseLease(roomName: string, owner: string): Promise<void> {
    await this.db
      .updateTable('ve_pipeline_jobs')
      .set({ lease_owner: null, lease_until: null })
      .where('room_name', '=', roomName)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async listUnfinished(): Promise<PipelineJob[]> {
    return toJobs(
      await this.db
        .selectFrom('ve_pipeline_jobs')
        .select('job_json')
        .where('state', 'not in', [...TERMINAL_STATES])
        .orderBy('created_at')
        .orderBy('room_name')
        .execute(),
    );
  }

  async listByConversation(conversationId: string): Promise<PipelineJob[]> {
    return toJobs(
      await this.db
        .selectFrom('ve_pipeline_jobs')
        .select('job_json')
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('room_name')
        .execute(),
    );
  }
}
