import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../../src/adapters/local/db';
import { memoryKeyRing } from '../../../src/adapters/local/crypto/test-support/memory-key-ring';
import { FfmpegComposer } from '../../../src/adapters/local/pipeline/ffmpeg-composer';
import { recordingDir } from '../../../src/adapters/local/pipeline/local-artifacts';
import type { ParticipantMedia } from '../../../src/adapters/local/pipeline/local-media';
import { createLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../../../src/adapters/local/pipeline/local-pipeline';
import { openSqliteStore, type SqlStore } from '../../../src/adapters/sql/database';
import type { SqlConversations } from '../../../src/adapters/sql/sql-conversations';
import type { RoomEndedEvent } from '../../../src/core/pipeline/events';
import { roomEnded } from '../../../src/core/pipeline/room-ended';
import type { PipelineStore } from '../../../src/ports/pipeline-store';
import type { PipelineJob } from '../../../src/domain/pipeline-job';

/** One local data folder with SQLite, a conversation, and local pipelines that can be "restarted". */
export class PipelineHarness {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  /** What every pipeline of this data folder seals with (as one stack's processes share one key file). */
  readonly mediaKeys = memoryKeyRing();
  db: Db = openDb(join(this.dataDir, 'db.sqlite'));
  conversations!: SqlConversations;
  private sql!: SqlStore;
  store!: PipelineStore;
  conversationId = '';
  readonly errors: string[] = [];
  private readonly pipelines: LocalPipeline[] = [];
  composeCalls = 0;

  static async create(media: ParticipantMedia[]): Promise<PipelineHarness> {
    const h = new PipelineHarness(media);
    await h.openStore();
    h.conversationId = (
      await h.conversations.createConversation({
        friendlyName: 'Chat with customer',
        attributes: { channel: 'web', videoEscalation: { status: 'ended' } },
      })
    ).id;
    return h;
  }

  private async openStore() {
    this.sql = await openSqliteStore(this.db);
    this.store = this.sql.pipeline;
    this.conversations = this.sql.conversations;
  }

  private constructor(private readonly media: ParticipantMedia[]) {}

  event(roomName = 'esc-1', recording = true): RoomEndedEvent {
    return { roomName, roomSid: '4242', conversationId: this.conversationId, escalationId: 'e1', recording, endedAt: new Date().toISOString() };
  }

  /** A local pipeline fed by `media` (as the Janus conversion would give it), counting grid compositions. */
  pipeline(extra: Partial<LocalPipelineOptions> = {}): LocalPipeline {
    const grid = new FfmpegComposer({ dataDir: this.dataDir, mediaKeys: this.mediaKeys });
    const compose = grid.compose.bind(grid);
    grid.compose = (id, m) => {
      this.composeCalls++;
      return compose(id, m);
    };
    const p = createLocalPipeline({
      db: this.db,
      store: this.store,
      conversations: this.conversations,
      source: { prepare: async () => ({ media: this.media, leftOut: [] }) },
      grid,
      mediaKeys: this.mediaKeys,
      config: { DATA_DIR: this.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 4, TRANSCRIBE_BACKOFF_MS: 50 },
      onError: (what, e) => void this.errors.push(`${what}: ${String(e)}`),
      ...extra,
    });
    this.pipelines.push(p);
    return p;
  }

  roomEnded(p: LocalPipeline, event: RoomEndedEvent) {
    return roomEnded(p.deps, event);
  }

  async waitFor(roomName: string, done: (j: PipelineJob) => boolean, timeoutMs = 90_000): Promise<PipelineJob> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.store.get(roomName);
      if (job && done(job)) return job;
      if (Date.now() > until) throw new Error(`timed out; job is ${JSON.stringify(job?.state)} ${job?.reason ?? ''}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  outputFiles(recordingId: string): string[] {
    return readdirSync(recordingDir(this.dataDir, recordingId)).filter((f) => f !== 'work' && f !== 'tracks').sort();
  }

  /**
   * Stops each pipeline (its scheduled retries are dropped, their times stay in the store, as in
   * a process that goes away), then waits for the work already running to report back.
   */
  private async stopPipelines() {
    const pipelines = this.pipelines.splice(0);
    for (const p of pipelines) p.stop();
    await Promise.all(pipelines.map((p) => p.idle()));
  }

  /** Like a process restart: the old pipelines' work ends, the database is opened again, files kept. */
  async restart() {
    await this.stopPipelines();
    this.db.close();
    this.db = openDb(join(this.dataDir, 'db.sqlite'));
    await this.openStore();
  }

  async close() {
    await this.stopPipelines();
    this.db.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
