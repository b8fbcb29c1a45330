import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import type { TestStack } from '../../tests/support/test-stack';
import { wallNow, watchClipMessage, type ClipSightings } from './clip-watch';

/** Marks set by clip-probe.js, wall-clock ms. */
interface ProbeMarks {
  stopClick?: number;
  reviewShown?: number;
  sendEnabled?: number;
  sendClick?: number;
  sendBusy?: number;
  sentPage?: number;
}

/** One POST /clip from the recording page, as the browser timed it (wall-clock ms). */
export interface ClipCall {
  action: string;
  sentAt: number;
  answeredAt: number;
}

export interface ClipSample {
  conversationId: string;
  recordingId: string;
  /** Stop click (in the page) → the clip message in the store. */
  stopToMessageMs: number;
  stopToSendEnabledMs: number;
  sendToMessageMs: number;
  /** The same message as an agent's console gets it: the conversation's SSE feed (polls the store every 100 ms). */
  stopToFeedMs: number;
  /** Stop → the message carries the video → the MP4 fetched whole with an agent token (200). */
  stopToPlayableMs: number;
  stopToVideoMessageMs: number;
  /** ffprobe's duration of the fetched MP4: the clip's length. */
  videoSeconds: number;
  /** The length the server recorded (the message's durationSeconds). */
  recordedSeconds: number;
  videoBytes: number;
  /** Stop → transcript attached (not a goal here; waited for so nothing overlaps the next clip). */
  stopToTranscriptMs: number;
  marks: ProbeMarks;
  calls: ClipCall[];
  /** The bench process's own reading: just before it asked Playwright to click Stop. */
  stopAskedAt: number;
  jobState: string;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * One clip on the user's path: the agent asks for it (POST /offer-clip, as the console button
 * does), the customer opens the recording link, picks screen + camera, consents, records for
 * `holdMs` after the recording screen shows, and presses Stop; the probe presses Send as soon as
 * it is enabled. Returns once the clip's transcript is attached.
 */
export async function recordClip(stack: TestStack, page: Page, agentToken: string, index: number, holdMs: number, work: string): Promise<ClipSample> {
  const conversation = await stack.backend.conversations.createConversation({ friendlyName: `Bench clip ${index}`, attributes: { bench: true } });
  const offer = await stack.post('/offer-clip', { Token: agentToken, conversationId: conversation.id });
  if (offer.status !== 200) throw new Error(`POST /offer-clip answered ${offer.status}: ${JSON.stringify(offer.body).slice(0, 300)}`);
  const recordUrl = String(offer.body.url);
  const watch = await watchClipMessage(stack, conversation.id, agentToken);
  const calls: ClipCall[] = [];
  const onFinished = (req: Request) => {
    if (req.method() !== 'POST' || new URL(req.url()).pathname !== '/clip') return;
    const t = req.timing();
    calls.push({ action: String((req.postDataJSON() as { action?: string } | null)?.action), sentAt: t.startTime, answeredAt: t.startTime + t.responseEnd });
  };
  page.on('requestfinished', onFinished);
  try {
    await page.goto(recordUrl);
    await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });
    await byTestId(page, 'clip-mode-screen+camera').check();
    await byTestId(page, 'clip-consent').check();
    const record = byTestId(page, 'clip-record');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="clip-record"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 15_000 });
    await record.click();
    await byTestId(page, 'clip-recording').waitFor({ timeout: 30_000 });
    await new Promise((r) => setTimeout(r, holdMs));
    if ((await page.locator('[data-testid="clip-recording"][data-paused="false"]').count()) !== 1) {
      throw new Error(`the take is not recording any more before Stop: ${(await page.locator('main').innerText()).slice(0, 300)}`);
    }

    const stopAskedAt = wallNow();
    await byTestId(page, 'clip-stop').click();
    await page.waitForFunction(() => (window as unknown as { __clipBench?: { marks: ProbeMarks } }).__clipBench?.marks.sentPage !== undefined, undefined, {
      timeout: 60_000,
    });
    const marks = (await page.evaluate(() => (window as unknown as { __clipBench: { marks: ProbeMarks } }).__clipBench.marks)) as ProbeMarks;
    const stop = marks.stopClick;
    if (stop === undefined || marks.sendEnabled === undefined || marks.sendClick === undefined) {
      throw new Error(`missing page marks: ${JSON.stringify(marks)}`);
    }
    await watch.until('posted', 10_000);
    const withVideo = await watch.until('video', 120_000 + 2 * holdMs);

    // Playable: the agent fetches the video the message points at.
    const mediaUrl = String(withVideo.attributes.mediaUrl);
    const res = await fetch(stack.url + mediaUrl, { headers: { Authorization: `Bearer ${agentToken}` } });
    const body = Buffer.from(await res.arrayBuffer());
    const fetchedAt = wallNow();
    if (res.status !== 200) throw new Error(`GET ${mediaUrl} with an agent token answered ${res.status}`);
    const mp4 = join(work, `clip-${index}.mp4`);
    writeFileSync(mp4, body);
    const videoSeconds = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp4], { encoding: 'utf8' }).trim());
    if (!(videoSeconds > 0)) throw new Error(`the fetched MP4 has no valid duration (ffprobe said ${videoSeconds})`);

    await watch.until('done', 180_000 + holdMs);
    // The message is completed just before the job records it: wait for the job to settle too.
    let [job] = await stack.backend.pipeline.deps.store.listByConversation(conversation.id);
    for (let i = 0; i < 200 && job && !['attached', 'failed', 'skipped'].includes(job.state); i++) {
      await new Promise((r) => setTimeout(r, 25));
      [job] = await stack.backend.pipeline.deps.store.listByConversation(conversation.id);
    }
    if (!job) throw new Error('no pipeline job for the clip');
    const seen = (s: ClipSightings, k: 'posted' | 'video' | 'done') => (s[k] as number) - stop;
    return {
      conversationId: conversation.id,
      recordingId: job.recordingId,
      stopToMessageMs: seen(watch.store, 'posted'),
      stopToSendEnabledMs: marks.sendEnabled - stop,
      sendToMessageMs: (watch.store.posted as number) - marks.sendClick,
      stopToFeedMs: watch.feed.posted === undefined ? NaN : seen(watch.feed, 'posted'),
      stopToVideoMessageMs: seen(watch.store, 'video'),
      stopToPlayableMs: fetchedAt - stop,
      videoSeconds,
      recordedSeconds: Number(withVideo.attributes.durationSeconds),
      videoBytes: body.length,
      stopToTranscriptMs: seen(watch.store, 'done'),
      marks,
      calls,
      stopAskedAt,
      jobState: job.state,
    };
  } finally {
    page.off('requestfinished', onFinished);
    watch.stop();
    // Releases camera, microphone and screen before the next clip.
    await page.goto('about:blank').catch(() => undefined);
  }
}
