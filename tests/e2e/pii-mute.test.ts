import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { MUTE_PADDING_SECONDS, piiMuteSpans } from '../../src/core/privacy/pii/mute-spans';
import { plainCopy, readStoredJson, stackMediaKeys } from '../support/read-stored-media';
import { parseWebVtt } from '../support/webvtt';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchParticipantBrowser, type ParticipantBrowser } from './support/browser-participant';
import { makeFakeMedia } from './support/janus-fake-media';
import { librivoxClips, writeFakeMicWav } from './support/speech-clips';
import { waitUntil } from './support/wait-until';

/**
 * Spoken personal data muted (#22) on the real local stack: the customer records a camera clip in
 * real Chromium, speaking without a break (human speech, looped), and the speech engine "hears" a
 * card number read out, with word timings. The stored video's audio is silent over the card
 * number's span and keeps its speech around it; captions and transcript say `[card number]`.
 */
jest.setTimeout(240_000);

const CARD_WORDS = 'four five five six double seven three seven twelve thirty four fifty six seventy nine';
const LINES = ['hi I would like to pay the open invoice today', `my card is ${CARD_WORDS}`, 'thank you'];
/** Long enough for every scripted word (the last ends about 12.4 s in) and a neighbour after the card. */
const RECORD_MS = 17_000;
/** A window this long on each side of the span must hold speech. */
const NEIGHBOUR_S = 1.5;
/** How far inside the span the silent window starts and ends, and outside it the neighbours. */
const MARGIN_S = 0.1;

let stack: TestStack;
let customer: ParticipantBrowser;
let work: string;
let agentToken: string;
let message: ConversationMessage;
let recordingId: string;
let job: PipelineJob;

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const served = (name: string) =>
  fetch(`${stack.url}/media/recordings/${recordingId}/${name}`, { headers: { Authorization: `Bearer ${agentToken}` } });

/** Mean and peak level (dBFS; digital silence as -200) from ffmpeg volumedetect's report. */
function parseLevels(report: string): { mean: number; max: number } {
  const read = (name: string) => {
    const m = new RegExp(`${name}:\\s*(-?[\\d.]+|-inf) dB`).exec(report);
    return !m ? Number.NaN : m[1] === '-inf' ? -200 : Number(m[1]);
  };
  return { mean: read('mean_volume'), max: read('max_volume') };
}

/** The levels of `mp4`'s audio from `at` for `seconds` (volumedetect reports on stderr). */
function levelsOf(mp4: string, at: number, seconds: number): { mean: number; max: number } {
  const r = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-ss', at.toFixed(3), '-t', seconds.toFixed(3), '-i', mp4, '-vn', '-af', 'volumedetect', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg volumedetect failed: ${r.stderr.slice(-300)}`);
  return parseLevels(r.stderr);
}

/** Seconds of a media file, per ffprobe. */
const durationOf = (path: string): number =>
  Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], { encoding: 'utf8' }).trim());

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 've-pii-mute-'));
  // Human speech without long pauses (the LibriVox clips back to back), looped by Chromium: the
  // card number's neighbours are never silent on their own, so a silent span is the muting.
  const mic = join(work, 'speech.wav');
  await writeFakeMicWav(librivoxClips(), mic, 0.1);
  stack = await startTestStack({
    // One pass over the whole track: the script's times are then the track's (live chunks would each restart it).
    LIVE_TRANSCRIPTION: 'false',
    TRANSCRIBER: 'command',
    TRANSCRIBER_COMMAND: JSON.stringify([process.execPath, join(__dirname, 'support/scripted-transcriber.cjs'), '{input}', ...LINES]),
  });
  customer = await launchParticipantBrowser({ videoFile: makeFakeMedia(work, { name: 'customer', pattern: 'smptebars' }).videoFile, audioFile: mic });
  agentToken = await stack.signIn();

  // The agent asks for a clip; the customer records one with the camera and sends it.
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'PII mute' })).id;
  const offer = await stack.post('/offer-clip', { Token: agentToken, conversationId });
  expect(offer.status).toBe(200);
  const page = customer.page;
  await page.goto(offer.body.url as string);
  await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });
  await byTestId(page, 'clip-mode-camera').check();
  await byTestId(page, 'clip-consent').check();
  await byTestId(page, 'clip-record').click();
  await byTestId(page, 'clip-recording').waitFor({ timeout: 20_000 });
  await sleep(RECORD_MS);
  await byTestId(page, 'clip-stop').click();
  await byTestId(page, 'clip-review').waitFor({ timeout: 15_000 });
  await byTestId(page, 'clip-send').click();
  await byTestId(page, 'clip-sent-page').waitFor({ timeout: 15_000 });

  message = await waitUntil<ConversationMessage>('the clip with its transcript', async () => {
    const m = (await stack.backend.conversations.listMessages(conversationId)).find((x) => x.attributes.type === 'video-recording');
    return m && m.attributes.transcriptStatus === 'ready' && m;
  }, 150_000);
  recordingId = (message.attributes as { recordingId: string }).recordingId;
  job = (await stack.backend.deps.pipeline.store.getByRecordingId(recordingId)) as PipelineJob;
});

afterAll(async () => {
  await customer?.close();
  await stack?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

it('the fixture is what it claims: the levels parser reads ffmpeg, and the card number was heard as one timed marker', () => {
  expect(parseLevels('[Parsed_volumedetect_0 @ 0x1] mean_volume: -23.4 dB\n[Parsed_volumedetect_0 @ 0x1] max_volume: -3.0 dB')).toEqual({ mean: -23.4, max: -3 });
  expect(parseLevels('mean_volume: -inf dB\nmax_volume: -inf dB')).toEqual({ mean: -200, max: -200 });
  expect(job.pii).toEqual(['card_number']);
  const markers = (job.transcript?.segments ?? []).flatMap((s) => s.words).filter((w) => w.word.startsWith('[card number]'));
  expect(markers).toHaveLength(1);
  // Fifteen scripted words of 0.3 s with 0.05 s between them.
  expect(markers[0].end - markers[0].start).toBeCloseTo(15 * 0.35 - 0.05, 1);
  expect(piiMuteSpans(job.transcript!)).toEqual([
    { startSeconds: expect.closeTo(markers[0].start - MUTE_PADDING_SECONDS, 2), endSeconds: expect.closeTo(markers[0].end + MUTE_PADDING_SECONDS, 2) },
  ]);
});

it("the stored video's audio is silent over the card number's span and keeps the speech around it", async () => {
  const [span] = piiMuteSpans(job.transcript!);
  const keys = stackMediaKeys(stack.dataDir);
  const stored = join(stack.dataDir, 'compositions', recordingId, 'video.mp4');
  type Measured = { length: number; before: number; inside: { mean: number; max: number }; after: number };
  const measure = (): Measured => {
    const copy = plainCopy(stored, keys);
    try {
      return {
        length: durationOf(copy.path),
        before: levelsOf(copy.path, span.startSeconds - MARGIN_S - NEIGHBOUR_S, NEIGHBOUR_S).mean,
        inside: levelsOf(copy.path, span.startSeconds + MARGIN_S, span.endSeconds - span.startSeconds - 2 * MARGIN_S),
        after: levelsOf(copy.path, span.endSeconds + MARGIN_S, NEIGHBOUR_S).mean,
      };
    } finally {
      copy.cleanup();
    }
  };
  // The muting is a finishing step after the transcript: give it time, then judge what is stored.
  let last: Measured | undefined;
  await waitUntil('the card number muted in the stored video', async () => {
    last = measure();
    return last.inside.max < -60;
  }, 90_000, 2000).catch(() => undefined);
  const measured = last ?? measure();
  console.log(`figure: pii_mute_levels before ${measured.before} dB, inside mean ${measured.inside.mean} max ${measured.inside.max} dB, after ${measured.after} dB`);
  // The neighbours are inside the video, and the speech there is loud: the silence is the muting.
  expect(measured.length).toBeGreaterThan(span.endSeconds + MARGIN_S + NEIGHBOUR_S);
  expect(measured.inside.max).toBeLessThan(-60);
  expect(measured.before).toBeGreaterThan(-45);
  expect(measured.after).toBeGreaterThan(-45);
});

it('captions and transcript say [card number], with no digit word of it left', async () => {
  const transcriptRes = await served('transcript.json');
  expect(transcriptRes.status).toBe(200);
  const transcript = (await transcriptRes.json()) as { segments: { text: string; words: { word: string }[] }[] };
  const text = transcript.segments.map((s) => s.text).join('\n');
  expect(text).toContain('my card is [card number]');
  expect(transcript.segments.some((s) => s.words.some((w) => w.word === '[card number]'))).toBe(true);
  const captionsRes = await served('captions.vtt');
  expect(captionsRes.status).toBe(200);
  const captions = parseWebVtt(await captionsRes.text()).map((c) => c.text).join('\n');
  expect(captions).toContain('[card number]');
  const words = transcript.segments.flatMap((s) => s.words.map((w) => w.word)).join(' ');
  for (const said of [text, captions, words]) expect(said).not.toMatch(/\bdouble seven\b|\bseventy nine\b|\bfifty six\b|\d{4}/);
  // The same on disk, sealed: what the server stores is what it serves.
  const stored = readStoredJson<{ segments: { text: string }[] }>(join(stack.dataDir, 'compositions', recordingId, 'transcript.json'), stackMediaKeys(stack.dataDir));
  expect(stored.segments.map((s) => s.text).join('\n')).toContain('[card number]');
});
