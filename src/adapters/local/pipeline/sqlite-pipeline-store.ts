import type { PipelineJob, PipelineStore } from '../../../ports/pipeline-store';
import { ensureSchema, type Db } from '../db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pipeline_jobs (
  room_name TEXT PRIMARY KEY,
  recording_id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  job_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pipeline_jobs_by_state ON pipeline_jobs (state, created_at);
CREATE INDEX IF NOT EXISTS pipeline_jobs_by_conversation ON pipeline_jobs (conversation_id, created_at);
`;

type Row = { job_json: string };
const toJob = (r: Row | undefined): PipelineJob | null => (r ? (JSON.parse(r.job_json) as PipelineJob) : null);

/** Pipeline jobs in SQLite, one row per room; the row's primary key is the idempotency key. */
export class SqlitePipelineStore implements PipelineStore {
  constructor(private readonly db: Db) {
    ensureSchema(db, SCHEMA);
  }

  async insertIfAbsent(job: PipelineJob): Promise<boolean> {
    const r = this.db
      .prepare(
        `INSERT INTO pipeline_jobs (room_name, recording_id, conversation_id, state, version, job_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room_name) DO NOTHING`,
      )
      .run(job.roomName, job.recordingId, job.conversationId, job.state, job.version, JSON.stringify(job), job.createdAt, job.updatedAt);
    return r.changes === 1;
  }

  async get(roomName: string): Promise<PipelineJob | null> {
    return toJob(this.db.prepare('SELECT job_json FROM pipeline_jobs WHERE room_name = ?').get(roomName) as Row | undefined);
  }

  async getByRecordingId(recordingId: string): Promise<PipelineJob | null> {
    return toJob(
      this.db.prepare('SELECT job_json FROM pipeline_jobs WHERE recording_id = ?').get(recordingId) as Row | undefined,
    );
  }

  async saveIfUnchanged(job: PipelineJob): Promise<boolean> {
    const r = this.db
      .prepare('UPDATE pipeline_jobs SET state = ?, version = ?, job_json = ?, updated_at = ? WHERE room_name = ? AND version = ?')
      .run(job.state, job.version, JSON.stringify(job), job.updatedAt, job.roomName, job.version - 1);
    return r.changes === 1;
  }

  async listUnfinished(): Promise<PipelineJob[]> {
    const rows = this.db
      .prepare(`SELECT job_json FROM pipeline_jobs WHERE state NOT IN ('attached', 'failed', 'skipped') ORDER BY created_at, room_name`)
      .all() as Row[];
    return rows.map((r) => JSON.parse(r.job_json) as PipelineJob);
  }

  async listByConversation(conversationId: string): Promise<PipelineJob[]> {
    const rows = this.db
      .prepare('SELECT job_json FROM pipeline_jobs WHERE conversation_id = ? ORDER BY created_at')
      .all(conversationId) as Row[];
    return rows.map((r) => JSON.parse(r.job_json) as PipelineJob);
  }
}
