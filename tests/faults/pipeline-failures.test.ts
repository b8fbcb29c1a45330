import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FfmpegComposer } from '../../src/adapters/local/pipeline/ffmpeg-composer';
import { recordingDir } from '../../src/adapters/local/pipeline/local-artifacts';
import type { LocalPipeline } from '../../src/adapters/local/pipeline/local-pipeline';
import { PocketsphinxTranscriber } from '../../src/adapters/local/pipeline/pocketsphinx-transcriber';
import type { SpeechEngine } from '../../src/adapters/local/pipeline/speech-engine';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { twoSpeakerClips } from '../e2e/support/speech-clips';
import { PipelineHarness } from '../pipeline/support/harness';
import { buildSyntheticCall, type SyntheticCall } from '../pipeline/support/synthetic-call';

/**
 * A recorded call whose transcriber fails three times and whose composer fails once, with the
 * worker restarted twice on the way (its pipeline stopped, the SQLite store closed and opened
 * again on the same data folder, as a process restart does). Real recorded tracks, real ffmpeg
 * and pocketsphinx; the failures are injected at the engines' boundary and counted across
 * restarts. The chat gets exactly one video message, and the transcript arrives in it afterwards.
 */
jest.setTimeout(90_000);

let fixtures: string;
let call: SyntheticCall;
let h: PipelineHarness | undefined;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'pipeline-failures-'));
  const [agentClip, customerClip] = twoSpeakerClips();
  call = await buildSyntheticCall(fixtures, { seconds: 12, agentClip, customerClip, customerOffset: 1 });
});
afterAll(async () => {
  await h?.close();
  rmSync(fixtures, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('transcriber down three times, composer once, two restarts: one video message, then its transcript in place', async () => {
  const harness = (h = await PipelineHarness.create(call.media));
  const job = () => harness.store.get('esc-1') as Promise<PipelineJob | null>;
  const recordingMessages = async () =>
    (await harness.conversations.listMessages(harness.conversationId)).filter((m) => m.attributes.type === 'video-recording');

  // The faults, counted across restarts.
  const faults = { transcriberFailures: 0, transcriberRuns: 0, composerFailures: 0, composerRuns: 0 };
  const pocketsphinx = new PocketsphinxTranscriber();
  const flakyEngine: SpeechEngine = {
    name: 'pocketsphinx',
    transcribe: async (wav) => {
      faults.transcriberRuns++;
      if (faults.transcriberFailures < 3) {
        const n = ++faults.transcriberFailures;
        // The last failure comes once the video is out: the transcriber is still down then.
        if (n === 3) await until('the video message', async () => (await job())?.messageId);
        throw new Error(`speech engine unavailable (${n})`);
      }
      return pocketsphinx.transcribe(wav);
    },
  };
  const worker = (): LocalPipeline => {
    const grid = new FfmpegComposer({ dataDir: harness.dataDir, mediaKeys: harness.mediaKeys });
    const compose = grid.compose.bind(grid);
    grid.compose = async (id, media) => {
      faults.composerRuns++;
      if (faults.composerFailures < 1) {
        faults.composerFailures++;
        throw new Error('ffmpeg exited with code 1');
      }
      return compose(id, media);
    };
    return harness.pipeline({
      engine: flakyEngine,
      grid,
      config: { DATA_DIR: harness.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 4, TRANSCRIBE_BACKOFF_MS: 1200, PIPELINE_LEASE_MS: 2000 },
    });
  };
  const t0 = Date.now();

  // 1. The call ends; the composer fails and both speakers' transcriptions fail once.
  await harness.roomEnded(worker(), harness.event());
  const failedOnce = await until('the first failures on record', async () => {
    const j = await job();
    const tried = (j?.speakers ?? []).filter((s) => s.transcribeAttempts >= 1).length;
    return j && j.composeAttempts === 1 && tried === 2 ? j : null;
  });
  expect(failedOnce).toMatchObject({ state: 'processing', video: { status: 'failed' } });
  expect(await recordingMessages()).toHaveLength(0);

  // 2. Restart: the retries' times were in the store; the new worker picks them up.
  await harness.restart();
  await worker().resume();
  const videoOut = await until('the video message', async () => {
    const [m] = await recordingMessages();
    return m;
  });
  expect(videoOut.attributes).toMatchObject({ transcriptStatus: 'pending', mediaUrl: expect.stringContaining('video.mp4') });
  await until('the third transcriber failure on record', async () => {
    const j = await job();
    return (j?.speakers ?? []).reduce((n, s) => n + s.transcribeAttempts, 0) === 3;
  });

  // 3. Restart again while the transcript is still owed; it arrives in the same message.
  await harness.restart();
  await worker().resume();
  const done = await harness.waitFor('esc-1', (j) => j.state === 'attached' || j.state === 'failed', 60_000);
  await harness.restart(); // lets the last worker's work report back before the checks

  expect(done).toMatchObject({ state: 'attached', composeAttempts: 1, messageId: videoOut.id });
  expect(done.reason).toBeUndefined();
  expect((done.speakers ?? []).reduce((n, s) => n + s.transcribeAttempts, 0)).toBe(3);
  expect(faults).toEqual({ transcriberFailures: 3, transcriberRuns: 5, composerFailures: 1, composerRuns: 2 });

  const messages = await harness.conversations.listMessages(harness.conversationId);
  expect(messages).toHaveLength(1);
  const [message] = messages as [ConversationMessage];
  expect(message.id).toBe(videoOut.id);
  expect(message.body).toMatch(/^Video call recording · 0:12 · transcript\n\n\[0:0\d\] Agent: /);
  expect(message.attributes).toMatchObject({ transcriptStatus: 'ready', captionsUrl: expect.stringContaining('captions.vtt') });
  // The message carries the transcript's URL (#18); what it serves is the job's transcript.
  expect(message.attributes).toMatchObject({ transcriptUrl: expect.stringContaining('transcript.json') });
  const speakers = new Set((done.transcript?.segments ?? []).map((s) => s.speaker));
  expect(speakers).toEqual(new Set(['Agent', 'Customer']));
  // What everyone watching the chat saw: the one message, first with the video, then completed in place.
  const seen = (await harness.conversations.eventsSince(0, harness.conversationId))
    .filter((e) => e.kind === 'message')
    .map((e) => e.payload as ConversationMessage);
  expect(seen.map((m) => [m.id, m.attributes.transcriptStatus])).toEqual([
    [videoOut.id, 'pending'],
    [videoOut.id, 'ready'],
  ]);
  for (const file of ['video.mp4', 'captions.vtt', 'transcript.json']) expect(existsSync(join(recordingDir(harness.dataDir, done.recordingId), file))).toBe(true);
  expect(harness.errors).toEqual([]);
  console.log(`figure: pipeline_faults_seconds ${((Date.now() - t0) / 1000).toFixed(1)}`);
});
