import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CUSTOMER_VIEWER } from '../../src/domain/clip-views';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { MEDIA_DELETED_TEXT } from '../../src/domain/privacy';
import type { TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { startRecordedCall } from './support/recorded-call';
import { smallTouchTargets } from './support/touch-targets';
import { waitUntil } from './support/wait-until';

/**
 * The customer's watch page (#18 part 5) on the real local stack, in real Chromium: a real
 * recorded call's message carries the watch link in its body (all Webchat, SMS and WhatsApp
 * show); the customer opens that link in a browser with no chat credential at all; the video
 * plays with its captions showing, a transcript line seeks it (by mouse and by keyboard), the
 * transcript downloads, and the viewing is recorded. After the retention sweep (the injected
 * clock, not slept) the page says why the video is gone and keeps the transcript. axe finds no
 * WCAG 2.1 AA violation, on a desktop and at phone size (390×844, 44 px targets).
 */
jest.setTimeout(300_000);

const DAY_MS = 24 * 60 * 60 * 1000;
const SPOKEN = 'the router lights are blinking orange again';
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

let call: CallFixture;
let stack: TestStack;
let agentToken: string;
let conversationId: string;
let job: PipelineJob;
let watchUrl: string;
let viewer: BrowserContext;
let page: Page;

const byTestId = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same utterance for every speaker, with word timings, so captions and lines have known text. */
function writeTranscriberScript(work: string): string {
  const script = join(work, 'fixed-transcript.cjs');
  const words = SPOKEN.split(' ').map((word, i) => ({ word, start: 0.5 + i * 0.25, end: 0.7 + i * 0.25 }));
  writeFileSync(script, `process.stdout.write(${JSON.stringify(JSON.stringify([{ start: 0.5, end: 2.5, text: SPOKEN, words }]))});\n`);
  return script;
}

beforeAll(async () => {
  call = await startCallFixture({
    env: (work) => ({
      TRANSCRIBER: 'command',
      TRANSCRIBER_COMMAND: JSON.stringify(['node', writeTranscriberScript(work), '{input}']),
      RETENTION_SWEEP_INTERVAL_SECONDS: '86400',
    }),
    stackOptions: { clock },
  });
  stack = call.stack;
  agentToken = await stack.signIn();
  conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Casey Watch', attributes: { customerName: 'Casey Watch' } })).id;
  await startRecordedCall(call, { conversationName: 'Casey Watch', customerChatUrl: await stack.customerChatUrl(conversationId) });
  await sleep(6000);
  await byTestId(call.agent.page, 'end-call-button').click();
  job = await waitUntil(
    'the recording attached with its transcript',
    async () => {
      const [j] = await stack.backend.deps.pipeline.store.listByConversation(conversationId);
      return j?.state === 'attached' && j.transcript ? j : null;
    },
    120_000,
  );
  // A browser of the customer's with nothing of the chat: the link in the message is all it has.
  viewer = await call.customer.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  page = await viewer.newPage();
});

afterAll(async () => {
  await viewer?.close();
  await call?.close();
});

it("the recording message's body carries the watch link, within SMS's 1,600 characters", async () => {
  const message = (await stack.backend.conversations.listMessages(conversationId)).find((m) => m.attributes.type === 'video-recording');
  const body = String(message?.body);
  expect(body).toMatch(/^Video call recording · \d+:\d{2} · transcript\n\n/);
  const link = /\n\nWatch it here: (http:\/\/127\.0\.0\.1:\d+\/watch\.html#t=[\w.-]+)$/.exec(body);
  expect(link).not.toBeNull();
  watchUrl = (link as RegExpExecArray)[1];
  expect(body.length).toBeLessThanOrEqual(1600);
  expect(message?.attributes.watchUrl).toBe(watchUrl);
});

it('plays the video with captions, seeks from a transcript line by mouse and keyboard, downloads the transcript and records the viewing', async () => {
  await page.goto(watchUrl);
  // The token leaves the address bar at once (screenshots, history).
  await byTestId(page, 'watch-page').waitFor({ timeout: 20_000 });
  expect(page.url()).not.toContain('#t=');
  expect(await page.locator('h1').textContent()).toBe('Video call recording');

  const video = byTestId(page, 'recording-video');
  await page.waitForFunction(() => ((document.querySelector('[data-testid="recording-video"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 1, undefined, { timeout: 30_000 });
  expect(await video.evaluate((v) => (v as HTMLVideoElement).duration)).toBeGreaterThan(3);
  await video.evaluate((v) => (v as HTMLVideoElement).play());
  // The captions track is on (default) and holds what was said.
  const captions = await page.waitForFunction(
    () => {
      const v = document.querySelector('[data-testid="recording-video"]') as HTMLVideoElement | null;
      const track = v?.textTracks[0];
      const cues = track?.cues ? Array.from(track.cues as unknown as ArrayLike<VTTCue>) : [];
      return track && cues.length > 0 ? { mode: track.mode, text: cues.map((c) => c.text).join(' ') } : null;
    },
    undefined,
    { timeout: 15_000 },
  );
  const shown = (await captions.jsonValue()) as { mode: string; text: string };
  expect(shown.mode).toBe('showing');
  expect(shown.text).toContain('router');

  // The viewing is recorded for the call (the customer's row, keyed by its escalation).
  const opened = await waitUntil('the opened event', () => stack.backend.deps.clipViews.get(job.escalationId, CUSTOMER_VIEWER), 15_000);
  expect(opened.recordingId).toBe(job.recordingId);

  // Each transcript line seeks the video: by mouse, then by keyboard.
  const lines = byTestId(page, 'transcript-line');
  expect(await lines.count()).toBeGreaterThanOrEqual(2);
  const starts = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="transcript-line"] .vx-transcript__time')).map((t) => t.textContent));
  expect(starts.every((s) => /^\d+:\d{2}$/.test(String(s)))).toBe(true);
  const seekedTo = async () => video.evaluate((v) => (v as HTMLVideoElement).currentTime);
  const lastStart = job.transcript!.segments[job.transcript!.segments.length - 1].start;
  await video.evaluate((v) => (v as HTMLVideoElement).pause());
  await lines.last().click();
  expect(Math.abs((await seekedTo()) - lastStart)).toBeLessThan(0.5);
  const firstStart = job.transcript!.segments[0].start;
  await lines.first().focus();
  await page.keyboard.press('Enter');
  expect(Math.abs((await seekedTo()) - firstStart)).toBeLessThan(0.5);
  expect(await lines.first().evaluate((el) => el === document.activeElement)).toBe(true);

  // Played to the end: watched through.
  await video.evaluate((v) => (v as HTMLVideoElement).play());
  const ended = await waitUntil('the view completed', async () => (await stack.backend.deps.clipViews.get(job.escalationId, CUSTOMER_VIEWER))?.completed, 60_000);
  expect(ended).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'download-transcript').click()]);
  expect(download.suggestedFilename()).toMatch(/^video-call-recording-transcript-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = readFileSync((await download.path()) as string, 'utf8');
  expect(text).toMatch(/^Video call recording \(\d{4}-\d{2}-\d{2}\)\n\n\d+:\d{2} (Agent|Customer): /);
  expect(text).toContain(SPOKEN);

  await expectNoViolations(page, 'watch page playing');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await smallTouchTargets(page)).toEqual([]);
  await expectNoViolations(page, 'watch page at phone size');
  await page.setViewportSize({ width: 1280, height: 800 });
});

it('after the retention sweep the page says why the video is gone, keeps the transcript, and the video answers 410', async () => {
  expect((await stack.post('/close-conversation', { Token: agentToken, conversationId })).status).toBe(200);
  offsetMs = 91 * DAY_MS;
  await stack.retention.sweepNow();
  expect((await stack.backend.deps.pipeline.store.get(job.roomName))?.mediaDeletion).toMatchObject({ state: 'deleted', reason: 'retention' });

  // The same tab reloads (the token stayed in this tab's session storage, never in the URL).
  await page.reload();
  const note = byTestId(page, 'video-note');
  await note.waitFor({ timeout: 20_000 });
  expect(await note.textContent()).toBe(`${MEDIA_DELETED_TEXT}.`);
  expect(await page.locator('video').count()).toBe(0);
  expect(await byTestId(page, 'transcript').innerText()).toContain(SPOKEN);
  expect(await byTestId(page, 'download-transcript').count()).toBe(1);

  const token = new URL(watchUrl).hash.replace(/^#t=/, '');
  const video = await stack.post('/watch', { action: 'video', linkToken: token });
  expect([video.status, video.body.error?.code]).toEqual([410, 'media_deleted']);

  await expectNoViolations(page, 'watch page after retention');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await smallTouchTargets(page)).toEqual([]);
  await expectNoViolations(page, 'watch page after retention at phone size');
});
