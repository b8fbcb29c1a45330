import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PocketsphinxTranscriber } from '../../src/adapters/local/pipeline/pocketsphinx-transcriber';
import { wordErrorRate } from '../../src/core/pipeline/wer';
import type { PipelineJob, SpeakerSegment } from '../../src/ports/pipeline-store';
import { DIRECT_WER_BASELINE, twoSpeakerClips, WER_TOLERANCE } from '../e2e/support/speech-clips';
import { PipelineHarness } from './support/harness';
import { buildSyntheticCall, type SyntheticCall } from './support/synthetic-call';

jest.setTimeout(180_000);

const terminal = (j: PipelineJob) => ['attached', 'failed', 'skipped'].includes(j.state);
let fixtures: string;
let call: SyntheticCall;
let h: PipelineHarness | undefined;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'pipeline-call-'));
  const [agentClip, customerClip] = twoSpeakerClips();
  call = await buildSyntheticCall(fixtures, { seconds: 16, agentClip, customerClip, customerOffset: 1.5 });
});
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Exactly one of each: job row, composed video + captions + transcript, chat message. */
async function expectExactlyOne(harness: PipelineHarness, job: PipelineJob) {
  expect(job.state).toBe('attached');
  expect(await harness.store.listByConversation(harness.conversationId)).toHaveLength(1);
  expect(harness.outputFiles(job.recordingId)).toEqual(['captions.vtt', 'transcript.json', 'video.mp4']);
  const recordings = (await harness.conversations.listMessages(harness.conversationId)).filter(
    (m) => m.attributes.type === 'video-recording',
  );
  expect(recordings).toHaveLength(1);
  expect(recordings[0].id).toBe(job.messageId);
  const conv = await harness.conversations.get(harness.conversationId);
  expect(conv?.attributes).toMatchObject({ channel: 'web', videoEscalation: { status: 'ended' } });
  expect(Object.keys((conv?.attributes.videoRecordings ?? {}) as object)).toEqual([job.recordingId]);
}

const text = (segs: SpeakerSegment[], speaker: string) => segs.filter((s) => s.speaker === speaker).map((s) => s.text).join(' ');

describe('recording pipeline (real ffmpeg + pocketsphinx + SQLite)', () => {
  it('"room ended" delivered twice gives one composition, one transcript, one message', async () => {
    h = new PipelineHarness(call.media);
    const worker = h.startWorker();
    await h.roomEnded(h.event(), () => worker.kick());
    await h.roomEnded(h.event(), () => worker.kick());
    const job = await h.waitFor('esc-1', terminal);
    await expectExactlyOne(h, job);
    expect(h.composeCalls).toBe(1);

    // The composition: H.264 + AAC mp4, moov before mdat (+faststart), as long as the call.
    const video = join(h.dataDir, 'compositions', job.recordingId, 'video.mp4');
    const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name:format=duration', '-of', 'json', video]).toString();
    const info = JSON.parse(probe) as { streams: { codec_name: string }[]; format: { duration: string } };
    expect(info.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(info.format.duration)).toBeCloseTo(16, 0);
    const head = readFileSync(video);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));

    // Speaker-labelled transcript on the call's timeline, about as accurate as direct transcription.
    const segs = job.transcript?.segments ?? [];
    const [agentClip, customerClip] = twoSpeakerClips();
    const agentWer = wordErrorRate(call.reference.agent, text(segs, 'Agent'));
    const customerWer = wordErrorRate(call.reference.customer, text(segs, 'Customer'));
    expect(agentWer).toBeLessThanOrEqual(DIRECT_WER_BASELINE[agentClip.id] + WER_TOLERANCE);
    expect(customerWer).toBeLessThanOrEqual(DIRECT_WER_BASELINE[customerClip.id] + WER_TOLERANCE);
    const firstCustomer = segs.find((s) => s.speaker === 'Customer') as SpeakerSegment;
    expect(firstCustomer.start).toBeGreaterThan(7.1); // answers after the agent's 7.1 s turn
    expect(firstCustomer.start).toBeLessThan(9);

    const vtt = readFileSync(join(h.dataDir, 'compositions', job.recordingId, 'captions.vtt'), 'utf8');
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt).toContain('<v Agent>');
    expect(vtt).toContain('<v Customer>');
    const message = await h.conversations.findMessageByAttribute(h.conversationId, 'idempotencyKey', 'esc-1');
    expect(message?.body).toMatch(/^Video call recording · 0:16 · transcript\n\n\[0:0\d\] Agent: /);
  });

  it('a crash after `composed` is resumed by a new worker: still exactly one of each', async () => {
    h = new PipelineHarness(call.media);
    const harness = h;
    let crashedWorker: { kick(): void } | undefined;
    const crashed = new Promise<unknown>((resolve) => {
      crashedWorker = harness.startWorker({
        onPersisted: (j) => {
          if (j.state === 'composed') throw new Error('simulated crash after composed');
        },
        onError: (_room, e) => resolve(e),
        pollMs: 60_000, // the crashed worker must not resume by itself
      });
    });
    await h.roomEnded(h.event(), () => crashedWorker?.kick());
    expect(String(await crashed)).toContain('simulated crash');
    await h.restart();
    expect((await h.store.get('esc-1'))?.state).toBe('composed');

    const resumed: string[] = [];
    h.startWorker({ onPersisted: (j) => void resumed.push(j.state) }); // resumes on start, no kick needed
    const job = await h.waitFor('esc-1', terminal);
    expect(resumed).toEqual(['transcribing', 'transcribed', 'attached']);
    expect(h.composeCalls).toBe(1);
    await expectExactlyOne(h, job);
  });

  it('a transcriber that fails twice is retried with backoff, then the job completes once', async () => {
    h = new PipelineHarness(call.media);
    const real = new PocketsphinxTranscriber();
    let calls = 0;
    const flaky = {
      name: 'pocketsphinx',
      transcribe: async (path: string) => {
        calls++;
        if (calls <= 2) throw new Error(`engine crashed (${calls})`);
        return real.transcribe(path);
      },
    };
    const seen: string[] = [];
    h.startWorker({ transcriber: flaky, transcribeConcurrency: 1, onPersisted: (j) => void seen.push(`${j.state}:${j.transcribeAttempts}`) });
    await h.roomEnded(h.event());
    const job = await h.waitFor('esc-1', terminal);
    expect(job.transcribeAttempts).toBe(2);
    expect(seen).toEqual(['composing:0', 'composed:0', 'transcribing:0', 'transcribing:1', 'transcribing:2', 'transcribed:2', 'attached:2']);
    await expectExactlyOne(h, job);
  });

  it('a transcriber that never recovers ends `failed` with its reason, and no message', async () => {
    h = new PipelineHarness(call.media);
    const broken = { name: 'broken', transcribe: async () => Promise.reject(new Error('model file missing')) };
    h.startWorker({ transcriber: broken, config: { DATA_DIR: h.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 3, TRANSCRIBE_BACKOFF_MS: 10 } });
    await h.roomEnded(h.event());
    const job = await h.waitFor('esc-1', terminal);
    expect(job).toMatchObject({ state: 'failed', transcribeAttempts: 3, reason: 'transcribe: gave up after 3 attempts: model file missing' });
    expect(await h.conversations.findMessageByAttribute(h.conversationId, 'type', 'video-recording')).toBeNull();
  });

  it('a call with recording off composes nothing and says so once', async () => {
    h = new PipelineHarness(call.media);
    const worker = h.startWorker();
    await h.roomEnded(h.event('esc-off', false), () => worker.kick());
    await h.roomEnded(h.event('esc-off', false), () => worker.kick());
    const job = await h.waitFor('esc-off', terminal);
    expect(job).toMatchObject({ state: 'skipped', reason: 'recording_off' });
    expect(h.composeCalls).toBe(0);
    const messages = await h.conversations.listMessages(h.conversationId);
    expect(messages.map((m) => m.body)).toEqual(['This video call was not recorded.']);
  });
});
