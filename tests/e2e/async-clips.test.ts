import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { wordErrorRate } from '../support/wer';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { TestStack } from '../support/test-stack';
import { parseWebVtt } from '../support/webvtt';
import { messageTranscript } from '../support/message-transcript';
import { plainCopy, readStoredJson, stackMediaKeys } from '../support/read-stored-media';
import type { ParticipantBrowser } from './support/browser-participant';
import { expectNoViolations } from './support/axe';
import { waitUntil } from './support/wait-until';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { makeFakeMedia } from './support/janus-fake-media';
import { twoSpeakerClips, writeFakeMicWav } from './support/speech-clips';

/**
 * Async clips on the real local stack: the customer records a screen + camera clip in real
 * Chromium (fake camera and speech microphone, Chromium's own automatic screen capture), with a
 * retake, a pause and a resume, previews and sends it; the agent watches it with captions and
 * replies with a camera clip that plays in the customer's chat.
 */
jest.setTimeout(300_000);

/** The customer's speech starts this long after their microphone opens: after the retake and the pause. */
const SPEECH_AFTER_S = 24;
const [customerSpeech, agentSpeech] = twoSpeakerClips();
const SCREEN_CAPTURE_ARGS = ['--auto-select-desktop-capture-source=Entire screen', '--enable-usermedia-screen-capturing'];

let call: CallFixture;
let stack: TestStack;
let agent: ParticipantBrowser;
let customer: ParticipantBrowser;
let recordPage: Page;
let micOpenedAt = 0;

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function paddedSpeech(speech: typeof customerSpeech, out: string, before: number): Promise<void> {
  const tmp = `${out}.speech.wav`;
  await writeFakeMicWav([speech], tmp, before);
  execFileSync('sox', ['-D', tmp, out, 'pad', '0', '120']);
}

async function clipMessages(): Promise<ConversationMessage[]> {
  return (await stack.backend.conversations.listMessages(stack.demo.conversationId)).filter(
    (m) => m.attributes.type === 'video-recording' && m.attributes.kind === 'clip',
  );
}


beforeAll(async () => {
  call = await startCallFixture({
    env: { CLIP_AUTHOR_GONE_SECONDS: '20' },
    media: async (work) => {
      await paddedSpeech(customerSpeech, join(work, 'customer-mic.wav'), SPEECH_AFTER_S);
      await paddedSpeech(agentSpeech, join(work, 'agent-mic.wav'), 2);
      return {
        agent: { videoFile: makeFakeMedia(work, { name: 'agent', pattern: 'testsrc' }).videoFile, audioFile: join(work, 'agent-mic.wav'), audioOnce: true },
        customer: {
          videoFile: makeFakeMedia(work, { name: 'customer', pattern: 'smptebars' }).videoFile,
          audioFile: join(work, 'customer-mic.wav'),
          audioOnce: true,
          extraArgs: SCREEN_CAPTURE_ARGS,
        },
      };
    },
  });
  ({ stack, agent, customer } = call);
});

afterAll(async () => {
  await call?.close();
});

describe('async clips', () => {
  let clipRoom = '';

  it('the agent asks for a clip; the customer opens the recording link from the chat', async () => {
    await agent.page.goto(stack.demo.agentUrl);
    await byTestId(agent.page, 'conversation-item').first().click();
    await byTestId(agent.page, 'offer-clip-button').click();
    await customer.page.goto(stack.demo.customerChatUrl);
    const link = byTestId(customer.page, 'record-link').last();
    await link.waitFor({ timeout: 15_000 });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/record\.html#t=/);
    recordPage = customer.page;
    await recordPage.goto(href);
    await byTestId(recordPage, 'clip-setup').waitFor({ timeout: 15_000 });
    micOpenedAt = Date.now();
    expect(await byTestId(recordPage, 'clip-privacy-notice').textContent()).toMatch(/Don.t show passwords, card numbers or other personal data/);
    await expectNoViolations(recordPage, 'clip recorder, before recording');
  });

  it('records screen + camera with a retake, a pause and a resume, previews it and sends it', async () => {
    await byTestId(recordPage, 'clip-mode-screen+camera').check();
    await byTestId(recordPage, 'clip-consent').check();
    await byTestId(recordPage, 'clip-record').click();
    await byTestId(recordPage, 'clip-recording').waitFor({ timeout: 20_000 });
    await sleep(2500);
    await expectNoViolations(recordPage, 'clip recorder, while recording');
    const firstRoom = (await stack.backend.deps.clips.listOpenTakes())[0]?.roomName;
    expect(firstRoom).toMatch(/^clip-.+-1$/);

    // Retake: the take is thrown away on the server too, and a new one starts.
    await byTestId(recordPage, 'clip-retake').click();
    await waitUntil('the second take', async () => (await stack.backend.deps.clips.listOpenTakes())[0]?.take === 2, 20_000);
    await byTestId(recordPage, 'clip-recording').waitFor({ timeout: 20_000 });
    await waitUntil('no media left of the first take', async () => !existsSync(join(stack.dataDir, 'recordings', firstRoom as string)), 10_000);

    await sleep(1500);
    await byTestId(recordPage, 'clip-pause').click();
    await recordPage.locator('[data-testid="clip-recording"][data-paused="true"]').waitFor({ timeout: 5_000 });
    await sleep(1500);
    await byTestId(recordPage, 'clip-pause').click(); // resume
    await recordPage.locator('[data-testid="clip-recording"][data-paused="false"]').waitFor({ timeout: 5_000 });

    // Stop once the speech, which starts after the retake and the pause, has been said.
    const speechDone = micOpenedAt + (SPEECH_AFTER_S + customerSpeech.durationSeconds + 2) * 1000;
    expect(Date.now()).toBeLessThan(micOpenedAt + SPEECH_AFTER_S * 1000); // the speech is all in the second take
    await sleep(speechDone - Date.now());
    clipRoom = (await stack.backend.deps.clips.listOpenTakes())[0]?.roomName ?? '';
    await byTestId(recordPage, 'clip-stop').click();
    await byTestId(recordPage, 'clip-review').waitFor({ timeout: 15_000 });
    await expectNoViolations(recordPage, 'clip recorder, after recording');
    // The preview really is what was recorded: a playable local copy.
    await recordPage.waitForFunction(
      () => ((document.querySelector('[data-testid="clip-preview-main"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 1,
      undefined,
      { timeout: 10_000 },
    );

    const sentAt = Date.now();
    await byTestId(recordPage, 'clip-send').click();
    await byTestId(recordPage, 'clip-sent-page').waitFor({ timeout: 15_000 });
    // The clip message is in the conversation at once, processing; one message for the clip.
    const [message] = await waitUntil('the clip message', async () => {
      const found = await clipMessages();
      return found.length > 0 && found;
    }, 5_000);
    console.log(`clip message ${Date.now() - sentAt} ms after Send`);
    expect(message.attributes).toMatchObject({ authorRole: 'customer', videoStatus: 'processing', roomName: clipRoom });
  });

  it('the agent is told, watches it with captions, and a transcript line seeks the video', async () => {
    await byTestId(agent.page, 'new-clip-notice').filter({ hasText: 'New video clip from Customer' }).waitFor({ timeout: 15_000 });
    const message = await waitUntil('the clip with its transcript', async () => {
      const [m] = await clipMessages();
      return m && m.attributes.transcriptStatus !== 'pending' && m;
    }, 150_000);
    expect(await clipMessages()).toHaveLength(1);
    expect(message.body).toMatch(/^Video clip from Customer · \d+:\d{2} · transcript/);
    const a = message.attributes as { recordingId: string; mediaUrl: string; captionsUrl: string };
    const segments = await messageTranscript(stack.url, await stack.signIn(), message.attributes);

    const said = segments.filter((s) => s.role === 'customer').map((s) => s.text).join(' ');
    const wer = wordErrorRate(customerSpeech.reference, said);
    console.log(`figure: wer_clip_customer ${wer.toFixed(3)} ratio\n  said: ${customerSpeech.reference}\n  transcribed: ${said}`);
    expect(wer).toBeLessThanOrEqual(0.5);

    // The composition: one video stream at the screen's own resolution, the camera in a corner.
    const token = await stack.signIn();
    const mp4 = join(call.work, 'clip.mp4');
    writeFileSync(mp4, Buffer.from(await (await fetch(stack.url + a.mediaUrl, { headers: { Authorization: `Bearer ${token}` } })).arrayBuffer()));
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', mp4], { encoding: 'utf8' })) as {
      streams: { codec_type: string; width?: number; height?: number }[];
      format: { duration: string };
    };
    const videos = probe.streams.filter((s) => s.codec_type === 'video');
    expect(videos).toHaveLength(1);
    // The pipeline's own files are sealed at rest: read with the stack's key ring.
    const keys = stackMediaKeys(stack.dataDir);
    const manifest = readStoredJson<{ media: { source: string; kind: string; path: string }[] }>(
      join(stack.dataDir, 'compositions', a.recordingId, 'work', 'manifest.json'),
      keys,
    );
    const screen = manifest.media.find((m) => m.source === 'screen' && m.kind === 'video');
    expect(screen).toBeDefined();
    const screenTrack = plainCopy(screen!.path, keys);
    const [sw, sh] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', screenTrack.path], { encoding: 'utf8' })
      .trim()
      .split('x')
      .map(Number);
    screenTrack.cleanup();
    expect([videos[0].width, videos[0].height]).toEqual([Math.floor(sw / 2) * 2, Math.floor(sh / 2) * 2]);
    const cameraBox = cornerPixels(mp4, videos[0].width!, videos[0].height!, Number(probe.format.duration) / 2);
    // Colour bars, not a blank or black box: bright on average, and many distinct colours.
    expect(cameraBox.mean).toBeGreaterThan(40);
    expect(cameraBox.distinct).toBeGreaterThan(4);

    // The agent's console: the player with a captions track and the transcript beside it.
    const card = agent.page.locator('[data-testid="recording-card"][data-kind="clip"]').last();
    await card.locator('[data-testid="recording-player"]').waitFor({ timeout: 15_000 });
    expect(await card.locator('track[kind="captions"]').count()).toBe(1);
    const captions = await (await fetch(stack.url + a.captionsUrl, { headers: { Authorization: `Bearer ${token}` } })).text();
    expect(parseWebVtt(captions).length).toBeGreaterThan(0);
    const lines = card.locator('[data-testid="transcript-line"]');
    expect(await lines.count()).toBeGreaterThan(0);
    const target = segments[segments.length - 1].start;
    await lines.last().click();
    const at = await card.locator('video').evaluate((v) => (v as HTMLVideoElement).currentTime);
    expect(Math.abs(at - target)).toBeLessThan(1);
    await expectNoViolations(agent.page, 'agent console with the clip player');
  });

  it('the agent replies with a camera clip, and the customer watches it in their chat', async () => {
    await byTestId(agent.page, 'record-reply-button').click();
    await byTestId(agent.page, 'clip-setup').waitFor({ timeout: 15_000 });
    await byTestId(agent.page, 'clip-mode-camera').check();
    await byTestId(agent.page, 'clip-consent').check();
    await byTestId(agent.page, 'clip-record').click();
    await byTestId(agent.page, 'clip-recording').waitFor({ timeout: 20_000 });
    await sleep(4000);
    await byTestId(agent.page, 'clip-stop').click();
    await byTestId(agent.page, 'clip-send').click();
    const reply = await waitUntil('the reply clip', async () => (await clipMessages()).find((m) => m.attributes.authorRole === 'agent'), 10_000);
    // What a customer on Webchat or SMS reads: who replied, and the watch link (#18 part 5).
    expect(reply.body).toMatch(/^Alex \(Agent\) replied with a video · 0:0\d · /);
    expect(reply.body).toMatch(/\n\nWatch it here: http:\/\/127\.0\.0\.1:\d+\/watch\.html#t=[\w.-]+$/);
    expect(await clipMessages()).toHaveLength(2);

    await customer.page.goto(stack.demo.customerChatUrl);
    const card = customer.page.locator('[data-testid="recording-card"][data-kind="clip"][data-access="video"]').last();
    await card.locator('video').waitFor({ timeout: 120_000 });
    await customer.page.waitForFunction(
      () => {
        const cards = document.querySelectorAll('[data-testid="recording-card"][data-kind="clip"] video');
        return ((cards[cards.length - 1] as HTMLVideoElement | undefined)?.readyState ?? 0) >= 1;
      },
      undefined,
      { timeout: 30_000 },
    );
    expect(await card.locator('video').evaluate((v) => (v as HTMLVideoElement).duration)).toBeGreaterThan(2);
    expect(await card.locator('track[kind="captions"]').count()).toBe(1);
    await expectNoViolations(customer.page, 'customer chat with the clip player');
  });

  it('a fulfilled request says the video was sent and offers no link; one replaced by a newer request says so', async () => {
    // The request the customer answered: sent, thanked, and no way back into a used-up recorder.
    const first = byTestId(customer.page, 'clip-request-card').first();
    await customer.page.locator('[data-testid="clip-request-card"][data-state="fulfilled"]').first().waitFor({ timeout: 10_000 });
    expect(await first.textContent()).toMatch(/Video sent, thank you/);
    expect(await first.locator('[data-testid="record-link"]').count()).toBe(0);

    // Two new requests: the older, never used, is replaced; only the newest offers the recorder.
    await byTestId(agent.page, 'offer-clip-button').click();
    await byTestId(agent.page, 'clip-request-card').nth(1).waitFor({ timeout: 10_000 });
    await byTestId(agent.page, 'offer-clip-button').click();
    await customer.page.locator('[data-testid="clip-request-card"]').nth(2).waitFor({ timeout: 15_000 });
    const states = await byTestId(customer.page, 'clip-request-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-state')));
    expect(states).toEqual(['fulfilled', 'replaced', 'live']);
    expect(await byTestId(customer.page, 'clip-request-card').nth(1).textContent()).toMatch(/replaced/);
    expect(await byTestId(customer.page, 'record-link').count()).toBe(1);
    expect(await byTestId(agent.page, 'clip-request-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-state')))).toEqual(['fulfilled', 'replaced', 'live']);
    await expectNoViolations(customer.page, 'customer chat with clip requests in each state');
  });
});

/** The camera's corner box (bottom-right quarter width, as pip-layout draws it) at one moment, as raw RGB. */
function cornerPixels(mp4: string, width: number, height: number, atSeconds: number): { mean: number; distinct: number } {
  const w = Math.floor(width / 4 / 2) * 2;
  const h = Math.floor((w * 3) / 4 / 2) * 2;
  const margin = Math.round(width / 64);
  const crop = `crop=${w - 8}:${h - 8}:${width - margin - w + 4}:${height - margin - h + 4}`;
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-ss', atSeconds.toFixed(2), '-i', mp4, '-frames:v', '1', '-vf', crop, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  let sum = 0;
  const colours = new Set<string>();
  for (let i = 0; i + 2 < raw.length; i += 3) {
    sum += raw[i] + raw[i + 1] + raw[i + 2];
    colours.add(`${raw[i] >> 5},${raw[i + 1] >> 5},${raw[i + 2] >> 5}`);
  }
  return { mean: sum / (raw.length || 1), distinct: colours.size };
}

