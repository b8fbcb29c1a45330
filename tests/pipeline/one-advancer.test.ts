import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/adapters/local/db';
import type { LocalPipeline } from '../../src/adapters/local/pipeline/local-pipeline';
import type { SpeechEngine } from '../../src/adapters/local/pipeline/speech-engine';
import { openSqliteStore, type SqlStore } from '../../src/adapters/sql/database';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { twoSpeakerClips } from '../e2e/support/speech-clips';
import { PipelineHarness } from './support/harness';
import { buildSyntheticCall, type SyntheticCall } from './support/synthetic-call';

jest.setTimeout(120_000);

const terminal = (j: PipelineJob) => ['attached', 'failed', 'skipped'].includes(j.state);
const LEASE_MS = 1000;
let fixtures: string;
let call: SyntheticCall;
let h: PipelineHarness | undefined;
const others: { db: Db; store: SqlStore }[] = [];

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'one-advancer-'));
  const [agentClip, customerClip] = twoSpeakerClips();
  call = await buildSyntheticCall(fixtures, { seconds: 8, agentClip, customerClip, customerOffset: 1 });
});
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));
afterEach(async () => {
  await h?.close();
  for (const o of others.splice(0)) {
    await o.store.close();
    o.db.close();
  }
  h = undefined;
});

/** A speech engine that takes a while (so the other worker looks in while it runs) and counts its runs. */
function slowEngine(runs: string[]): SpeechEngine {
  return {
    name: 'slow-fake',
    transcribe: async (wav: string) => {
      runs.push(wav);
      await new Promise((r) => setTimeout(r, 1500));
      return [{ start: 0.5, end: 1.5, text: 'hello', words: [] }];
    },
  };
}

/**
 * Another worker process on the same data folder and SQLite file: its own database handle and
 * store, its own pipeline (and so its own lease owner, composer and transcriber).
 */
async function secondWorker(harness: PipelineHarness, engine: SpeechEngine): Promise<LocalPipeline> {
  const db = openDb(join(harness.dataDir, 'db.sqlite'));
  const store = await openSqliteStore(db);
  others.push({ db, store });
  return harness.pipeline({
    db,
    store: store.pipeline,
    conversations: store.conversations,
    engine,
    config: { DATA_DIR: harness.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 4, TRANSCRIBE_BACKOFF_MS: 50, PIPELINE_LEASE_MS: LEASE_MS },
  });
}

/** Counts calls to the Composer port of a worker (the boundary the core drives). */
function countComposerStarts(p: LocalPipeline, starts: string[]): void {
  const composer = p.deps.composer;
  const start = composer.start.bind(composer);
  p.deps.composer = { start: (room, id) => (starts.push(room.name), start(room, id)), status: composer.status.bind(composer) };
}

describe('one advancer per job (a lease in the store)', () => {
  it('two workers given the same room: one composition, one transcription per speaker, one message', async () => {
    h = await PipelineHarness.create(call.media);
    const runs: string[] = [];
    const starts: string[] = [];
    const config = { DATA_DIR: h.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 4, TRANSCRIBE_BACKOFF_MS: 50, PIPELINE_LEASE_MS: LEASE_MS };
    const functionsWorker = h.pipeline({ engine: slowEngine(runs), config });
    const serverWorker = await secondWorker(h, slowEngine(runs));
    countComposerStarts(functionsWorker, starts);
    countComposerStarts(serverWorker, starts);

    // The Functions process ends the call; the server hears of it too and, starting up, resumes.
    await Promise.all([h.roomEnded(functionsWorker, h.event()), h.roomEnded(serverWorker, h.event())]);
    await serverWorker.resume(); // the job is mid-way (video composing, speakers transcribing)
    const job = await h.waitFor('esc-1', terminal);
    await Promise.all([functionsWorker.idle(), serverWorker.idle()]);

    expect(job.state).toBe('attached');
    expect(starts).toEqual(['esc-1']);
    expect(h.composeCalls).toBe(1);
    expect(runs).toHaveLength(2);
    const messages = await h.conversations.listMessages(h.conversationId);
    expect(messages.map((m) => [m.attributes.type, m.attributes.transcriptStatus])).toEqual([['video-recording', 'ready']]);
    expect(h.errors).toEqual([]);
  });

  it('a worker that died holding a job: another takes it over once the lease has run out', async () => {
    h = await PipelineHarness.create(call.media);
    const runs: string[] = [];
    const starts: string[] = [];
    const dead = h.pipeline({ config: { DATA_DIR: h.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 4, TRANSCRIBE_BACKOFF_MS: 50 } });
    // The dead worker had just recorded the job and claimed it, then vanished (no release).
    await h.store.insertIfAbsent({
      ...h.event(),
      recordingId: 'RE0123',
      state: 'recorded',
      version: 0,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    const now = Date.now();
    expect(await h.store.claimLease('esc-1', 'worker-dead', new Date(now + LEASE_MS).toISOString(), new Date(now).toISOString())).toBe(true);
    dead.stop();

    const survivor = await secondWorker(h, slowEngine(runs));
    countComposerStarts(survivor, starts);
    const t0 = Date.now();
    await survivor.resume();
    expect(starts).toEqual([]); // refused while the dead worker's lease still runs
    const job = await h.waitFor('esc-1', terminal);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(LEASE_MS - 100);
    expect(job.state).toBe('attached');
    expect(starts).toEqual(['esc-1']);
    expect(h.composeCalls).toBe(1);
  });
});
