import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PocketsphinxTranscriber } from '../../src/adapters/local/pipeline/pocketsphinx-transcriber';
import { wordErrorRate } from '../support/wer';
import type { PipelineJob, SpeakerSegment } from '../../src/domain/pipeline-job';
import { DIRECT_WER_BASELINE, twoSpeakerClips, WER_TOLERANCE } from '../e2e/support/speech-clips';
import { isSealed, plainCopy, readStoredMedia, readStoredText } from '../support/read-stored-media';
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
  // The finished recording left the conversation's attributes (bounded, #18); the message says the rest.
  expect(Object.keys((conv?.attributes.videoRecordings ?? {}) as object)).toEqual([]);
}

const text = (segs: SpeakerSegment[], speaker: string) => segs.filter((s) => s.speaker === speaker).map((s) => s.text).join(' ');

describe('recording pipeline (real ffmpeg + pocketsphinx + SQLite, event-driven)', () => {
  it('"room ended" delivered twice gives one composition, one transcript, one message', async () => {
    h = await PipelineHarness.create(call.media);
    const p = h.pipeline();
    await Promise.all([h.roomEnded(p, h.event()), h.roomEnded(p, h.event())]);
    const job = await h.waitFor('esc-1', terminal);
    await p.idle();
    await expectExactlyOne(h, job);
    expect(h.composeCalls).toBe(1);
    expect(h.errors).toEqual([]);

    // At rest every file of the finished recording is sealed: video, captions, transcript, and the work files (WAVs, results, manifest).
    const out = join(h.dataDir, 'compositions', job.recordingId);
    const stored = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(stored.filter((e) => e.name.endsWith('.wav'))).toHaveLength(2);
    expect(stored.filter((e) => !isSealed(join(e.parentPath, e.name))).map((e) => e.name)).toEqual([]);

    // The composition: H.264 + AAC mp4, moov before mdat (+faststart), as long as the call.
    const video = plainCopy(join(out, 'video.mp4'), h.mediaKeys);
    const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name:format=duration', '-of', 'json', video.path]).toString();
    video.cleanup();
    const info = JSON.parse(probe) as { streams: { codec_name: string }[]; format: { duration: string } };
    expect(info.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(info.format.duration)).toBeCloseTo(16, 0);
    const head = readStoredMedia(join(out, 'video.mp4'), h.mediaKeys);
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

    const vtt = readStoredText(join(out, 'captions.vtt'), h.mediaKeys);
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt).toContain('<v Agent>');
    expect(vtt).toContain('<v Customer>');
    const message = await h.conversations.findMessageByAttribute(h.conversationId, 'idempotencyKey', 'esc-1');
    expect(message?.body).toMatch(/^Video call recording · 0:16 · transcript\n\n\[0:0\d\] Agent: /);
  });

  it('transcribes while the video composes: every speaker is sent to the engine before the video is ready', async () => {
    h = await PipelineHarness.create(call.media);
    const order: string[] = [];
    const p = h.pipeline({
      onPersisted: (j) => {
        const mark = (what: string) => !order.includes(what) && order.push(what);
        if (j.video?.status === 'ready') mark('video ready');
        if ((j.speakers ?? []).length === 2 && j.speakers?.every((s) => s.transcriptId)) mark('both transcripts requested');
      },
    });
    await h.roomEnded(p, h.event());
    const job = await h.waitFor('esc-1', terminal);
    await expectExactlyOne(h, job);
    expect(order).toEqual(['both transcripts requested', 'video ready']);
  });

  it('a crash before the transcripts were requested is resumed after a restart: still exactly one of each', async () => {
    h = await PipelineHarness.create(call.media);
    let crashed = false;
    const first = h.pipeline({
      onPersisted: (j) => {
        if (j.state === 'processing' && !crashed) {
          crashed = true;
          throw new Error('simulated crash after the compositions were recorded');
        }
      },
    });
    await expect(h.roomEnded(first, h.event())).rejects.toThrow('simulated crash');
    await h.restart();
    const stuck = (await h.store.get('esc-1')) as PipelineJob;
    expect(stuck.state).toBe('processing');
    expect(stuck.speakers?.every((s) => s.transcriptId === undefined)).toBe(true);

    await h.pipeline().resume();
    const job = await h.waitFor('esc-1', terminal);
    expect(h.composeCalls).toBe(1); // the video finished before the restart and is not made again
    await expectExactlyOne(h, job);
  });

  it('a transcriber that fails twice is retried with backoff, then the job completes once', async () => {
    h = await PipelineHarness.create(call.media);
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
    const p = h.pipeline({ engine: flaky, transcribeConcurrency: 1 });
    await h.roomEnded(p, h.event());
    const job = await h.waitFor('esc-1', terminal);
    expect((job.speakers ?? []).reduce((n, s) => n + s.transcribeAttempts, 0)).toBe(2);
    await expectExactlyOne(h, job);
  });

  it('a transcriber that never recovers never hides the video: one message with the video, saying the transcript could not be made', async () => {
    h = await PipelineHarness.create(call.media);
    const broken = { name: 'broken', transcribe: async () => Promise.reject(new Error('model file missing')) };
    const p = h.pipeline({ engine: broken, config: { DATA_DIR: h.dataDir, TRANSCRIBE_MAX_ATTEMPTS: 3, TRANSCRIBE_BACKOFF_MS: 10 } });
    await h.roomEnded(p, h.event());
    const job = await h.waitFor('esc-1', terminal);
    expect(job).toMatchObject({ state: 'attached', reason: 'transcribe: gave up after 3 attempts: model file missing' });
    expect(job.speakers?.map((s) => [s.transcriptStatus, s.transcribeAttempts])).toEqual([['failed', 3], ['failed', 3]]);
    expect(h.outputFiles(job.recordingId)).toEqual(['video.mp4']);
    const messages = await h.conversations.listMessages(h.conversationId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: job.messageId,
      body: 'Video call recording · 0:16 · the transcript could not be made',
      attributes: { type: 'video-recording', transcriptStatus: 'unavailable', mediaUrl: expect.stringContaining(job.recordingId) },
    });
    expect(messages[0].attributes.captionsUrl).toBeUndefined();
  });

  it('a call with recording off composes nothing and says so once', async () => {
    h = await PipelineHarness.create(call.media);
    const p = h.pipeline();
    await h.roomEnded(p, h.event('esc-off', false));
    await h.roomEnded(p, h.event('esc-off', false));
    const job = await h.waitFor('esc-off', terminal);
    expect(job).toMatchObject({ state: 'skipped', reason: 'recording_off' });
    expect(h.composeCalls).toBe(0);
    const messages = await h.conversations.listMessages(h.conversationId);
    expect(messages.map((m) => m.body)).toEqual(['This video call was not recorded.']);
  });
});
