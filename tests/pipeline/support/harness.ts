import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../../src/adapters/local/db';
import { FfmpegComposer } from '../../../src/adapters/local/pipeline/ffmpeg-composer';
import { createLocalRecordingJobs } from '../../../src/adapters/local/pipeline/local-recording-jobs';
import { recordingDir } from '../../../src/adapters/local/pipeline/local-artifacts';
import { SqlitePipelineStore } from '../../../src/adapters/local/pipeline/sqlite-pipeline-store';
import { startPipelineWorker, type PipelineWorker, type PipelineWorkerOptions } from '../../../src/adapters/local/pipeline/worker';
import { SqliteConversations } from '../../../src/adapters/local/sqlite-conversations';
import type { PipelineJob } from '../../../src/ports/pipeline-store';
import type { RoomEndedEvent } from '../../../src/ports/recording-jobs';
import type { ParticipantMedia } from '../../../src/ports/recording-media';

/** One local data folder with SQLite, a conversation, and workers that can be started and killed. */
export class PipelineHarness {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  db: Db = openDb(join(this.dataDir, 'db.sqlite'));
  conversations = new SqliteConversations(this.db);
  store = new SqlitePipelineStore(this.db);
  readonly conversationId: string;
  private readonly workers: PipelineWorker[] = [];
  composeCalls = 0;

  constructor(private readonly media: ParticipantMedia[]) {
    this.conversationId = this.conversations.createConversation({
      friendlyName: 'Chat with customer',
      attributes: { channel: 'web', videoEscalation: { status: 'ended' } },
    }).id;
  }

  event(roomName = 'esc-1', recording = true): RoomEndedEvent {
    return { roomName, roomSid: '4242', conversationId: this.conversationId, escalationId: 'e1', recording, endedAt: new Date().toISOString() };
  }

  roomEnded(event: RoomEndedEvent, kick?: () => void) {
    return createLocalRecordingJobs(this.db, kick).roomEnded(event);
  }

  /** A worker fed by `media` (as the Janus conversion would give it), counting compositions. */
  startWorker(extra: Partial<PipelineWorkerOptions> = {}): PipelineWorker {
    const composer = new FfmpegComposer({ dataDir: this.dataDir });
    const counting = {
      compose: (id: string, m: ParticipantMedia[]) => {
        this.composeCalls++;
        return composer.compose(id, m);
      },
      speechAudio: composer.speechAudio.bind(composer),
    };
    const w = startPipelineWorker({
      db: this.db,
      conversations: this.conversations,
      trackRecordings: { list: async () => [] },
      mediaSource: { prepare: async () => this.media },
      composer: counting,
      config: { DATA_DIR: this.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 4, TRANSCRIBE_BACKOFF_MS: 50 },
      pollMs: 100,
      ...extra,
    });
    this.workers.push(w);
    return w;
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
    return readdirSync(recordingDir(this.dataDir, recordingId)).filter((f) => f !== 'work').sort();
  }

  /** Like a process restart: workers gone, database handle closed and opened again, files kept. */
  async restart() {
    await Promise.all(this.workers.splice(0).map((w) => w.stop()));
    this.db.close();
    this.db = openDb(join(this.dataDir, 'db.sqlite'));
    this.conversations = new SqliteConversations(this.db);
    this.store = new SqlitePipelineStore(this.db);
  }

  async close() {
    await Promise.all(this.workers.splice(0).map((w) => w.stop()));
    this.db.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
