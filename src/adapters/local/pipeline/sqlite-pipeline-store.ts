import type { PipelineJob, PipelineStore } from '../../../ports/pipeline-store';
import { ensureSchema, type Db } from '../db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS recording_jobs (
  room_name TEXT PRIMARY KEY,
  recording_id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL,
  state TEXT NOT NULL,
  job_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS recording_jobs_by_state ON recording_jobs (state, created_at);
CREATE INDEX IF NOT EXISTS recording_jobs_by_conversation ON recording_jobs (conversation_id, created_at);
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
        `INSERT INTO recording_jobs (room_name, recording_id, conversation_id, state, job_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room_name) DO NOTHING`,
      )
      .run(job.roomName, job.recordingId, job.conversationId, job.state, JSON.stringify(job), job.createdAt, job.updatedAt);
    return r.changes === 1;
  }

  async get(roomName: string): Promise<PipelineJob | null> {
    return toJob(this.db.prepare('SELECT job_json FROM recording_jobs WHERE room_name = ?').get(roomName) as Row | undefined);
  }

  async getByRecordingId(recordingId: string): Promise<PipelineJob | null> {
    return toJob(
      this.db.prepare('SELECT job_json FROM recording_jobs WHERE recording_id = ?').get(recordingId) as Row | undefined,
    );
  }

  async save(job: PipelineJob): Promise<void> {
    const r = this.db
      .prepare('UPDATE recording_jobs SET state = ?, job_json = ?, updated_at = ? WHERE room_name = ?')
      .run(job.state, JSON.stringify(job), job.updatedAt, job.roomName);
    if (r.changes !== 1) throw new Error(`no pipeline job for room ${job.roomName}`);
  }

  async listUnfinished(): Promise<PipelineJob[]> {
    const rows = this.db
      .prepare(`SELECT job_json FROM recording_jobs WHERE state NOT IN ('attached', 'failed', 'skipped') ORDER BY created_at, room_name`)
      .all() as Row[];
    return rows.map((r) => JSON.parse(r.job_json) as PipelineJob);
  }

  async listByConversation(conversationId: string): Promise<PipelineJob[]> {
    const rows = this.db
      .prepare('SELECT job_json FROM recording_jobs WHERE conversation_id = ? ORDER BY created_at')
      .all(conversationId) as Row[];
    return rows.map((r) => JSON.parse(r.job_json) as PipelineJob);
  }
}
