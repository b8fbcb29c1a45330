import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Clip } from '../../src/domain/clip';
import type { ConversationMessage } from '../../src/domain/conversation';
import { linkTokenOf, startTestStack, type TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { waitUntil } from './support/wait-until';
import { launchParticipantBrowser, type ParticipantBrowser } from './support/browser-participant';
import { makeFakeMedia } from './support/janus-fake-media';

/**
 * A take's limits as the customer meets them in real Chromium on the real local stack: the
 * server's length cap cuts off a client that keeps publishing (and keeps the clip), a tab closed
 * mid-recording still sends what was recorded, and a recording link that is foreign, expired or
 * replaced gets a page that says what to do instead of a recorder.
 */
jest.setTimeout(90_000);

/** Short enough for a quick test, long enough that the closed-tab take (below) is sent before it. */
const CAP_S = 12;
/** Long enough that a take's first second (joining, publishing) is never taken for a closed tab. */
const GONE_S = 3;
/** How long the closed-tab test records before the tab goes. */
const RECORD_BEFORE_CLOSE_MS = 4000;

let stack: TestStack;
let customer: ParticipantBrowser;
let work: string;
let agentToken: string;
const contexts: BrowserContext[] = [];

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


/** A fresh tab (own context: its own sessionStorage, so no link token carries over). */
async function newTab(): Promise<Page> {
  const context = await customer.browser.newContext();
  contexts.push(context);
  return context.newPage();
}

/** The agent asks for a clip in a new conversation; the recording link as posted in the chat. */
async function offerClip(): Promise<{ conversationId: string; clipId: string; url: string }> {
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Clip limits' })).id;
  const offer = await stack.post('/offer-clip', { Token: agentToken, conversationId });
  expect(offer.status).toBe(200);
  return { conversationId, clipId: offer.body.clipId as string, url: offer.body.url as string };
}

const clipOf = async (clipId: string): Promise<Clip> => (await stack.backend.deps.clips.get(clipId)) as Clip;

async function clipMessages(conversationId: string): Promise<ConversationMessage[]> {
  return (await stack.backend.conversations.listMessages(conversationId)).filter(
    (m) => m.attributes.type === 'video-recording' && m.attributes.kind === 'clip',
  );
}

/** Waits for the pipeline to attach the composed video to the clip message; its length per ffprobe and as the message says. */
async function composedSeconds(conversationId: string, name: string): Promise<{ seconds: number; messageSeconds: number }> {
  const message = await waitUntil('the clip message with its video', async () => {
    const [m] = await clipMessages(conversationId);
    return m && typeof m.attributes.mediaUrl === 'string' && m;
  }, 40_000);
  expect(await clipMessages(conversationId)).toHaveLength(1);
  const res = await fetch(stack.url + (message.attributes.mediaUrl as string), { headers: { Authorization: `Bearer ${agentToken}` } });
  expect(res.status).toBe(200);
  const mp4 = join(work, `${name}.mp4`);
  writeFileSync(mp4, Buffer.from(await res.arrayBuffer()));
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp4], { encoding: 'utf8' });
  return { seconds: Number(out.trim()), messageSeconds: message.attributes.durationSeconds as number };
}

/** Opens the recording link and starts a camera take; resolves when the page shows it recording. */
async function startCameraTake(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });
  await byTestId(page, 'clip-mode-camera').check();
  await byTestId(page, 'clip-consent').check();
  await byTestId(page, 'clip-record').click();
  await byTestId(page, 'clip-recording').waitFor({ timeout: 20_000 });
  return Date.now();
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 've-clip-limits-'));
  stack = await startTestStack({ CLIP_MAX_SECONDS: String(CAP_S), CLIP_WARN_SECONDS: String(CAP_S - 2), CLIP_AUTHOR_GONE_SECONDS: String(GONE_S) });
  customer = await launchParticipantBrowser(makeFakeMedia(work, { name: 'customer', pattern: 'smptebars' }));
  agentToken = await stack.signIn();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await customer?.close();
  await stack?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

it('the server ends a take at the cap when the client keeps publishing, and the clip is kept to send', async () => {
  const { conversationId, clipId, url } = await offerClip();
  const page = await newTab();
  // A client that keeps publishing past the cap: this page's own cap (it stops at the view's
  // maxSeconds) is taken out of play by telling it, in the `start` answer only, that the cap is an
  // hour. Everything else is the real page, the real media and the real server: only the server's
  // cap can end this take. (A second raw publisher would not do: the same grant joining twice
  // replaces the page's own connection, which would end the take for another reason.)
  await page.route('**/clip', async (route) => {
    const body = route.request().postDataJSON() as { action?: string };
    if (body.action !== 'start') return route.continue();
    const res = await route.fetch();
    const json = await res.json();
    if (json.clip) Object.assign(json.clip, { maxSeconds: 3600, warnAtSeconds: 3600 });
    return route.fulfill({ response: res, json });
  });

  const recordingAt = await startCameraTake(page, url);
  expect(await byTestId(page, 'clip-timer').textContent()).toMatch(/\/ 60:00$/); // the page's cap is an hour away
  const { roomName, roomSid } = await clipOf(clipId);

  // Nobody presses Stop: the server's cap ends the take, and the page follows.
  const stopped = await waitUntil('the server to stop the take', async () => {
    const c = await clipOf(clipId);
    return c.status !== 'recording' && c;
  }, (CAP_S + 10) * 1000);
  const stoppedAfterMs = Date.now() - recordingAt;
  console.log(`figure: clip_cap_stop_after_recording_visible_ms ${stoppedAfterMs} ms (cap ${CAP_S} s)`);
  expect(stopped).toMatchObject({ status: 'stopped', stopCause: 'cap', recordedSeconds: CAP_S });
  expect(stoppedAfterMs).toBeGreaterThan((CAP_S - 3) * 1000);
  expect(stoppedAfterMs).toBeLessThan((CAP_S + 3) * 1000);
  expect(await stack.backend.deps.rooms.isOpen({ name: roomName as string, sid: roomSid as string })).toBe(false);

  await byTestId(page, 'clip-review').waitFor({ timeout: 10_000 });
  expect(await byTestId(page, 'clip-stop-note').textContent()).toBe('Recording stopped at the 0:12 limit. Your clip was kept.');
  expect(await clipMessages(conversationId)).toHaveLength(0); // kept for its author to send, not sent for them

  await byTestId(page, 'clip-send').click();
  await byTestId(page, 'clip-sent-page').waitFor({ timeout: 15_000 });
  const { seconds } = await composedSeconds(conversationId, 'capped');
  console.log(`figure: clip_cap_composed_seconds ${seconds} s (cap ${CAP_S} s)`);
  expect(seconds).toBeLessThanOrEqual(CAP_S + 1);
  expect(seconds).toBeGreaterThanOrEqual(CAP_S - 3);
});

it('a tab closed mid-recording still sends what was recorded, up to the close', async () => {
  const { conversationId, clipId, url } = await offerClip();
  const page = await newTab();
  const recordingAt = await startCameraTake(page, url);
  await sleep(RECORD_BEFORE_CLOSE_MS);
  const closedAt = Date.now();
  await page.close();
  const recordedMs = closedAt - recordingAt;

  const sent = await waitUntil('the server to send the abandoned take', async () => {
    const c = await clipOf(clipId);
    // Sent, or stopped by the cap first and left unsent (a failure, shown by the match below).
    return (c.status === 'sent' || (c.status === 'stopped' && c.stopCause === 'cap')) && c;
  }, (GONE_S + 8) * 1000);
  console.log(`figure: clip_author_gone_sent_after_close_ms ${Date.now() - closedAt} ms (CLIP_AUTHOR_GONE_SECONDS ${GONE_S})`);
  expect(sent).toMatchObject({ status: 'sent', stopCause: 'author_gone' });

  const { seconds, messageSeconds } = await composedSeconds(conversationId, 'closed-tab');
  console.log(`figure: clip_closed_tab_composed_seconds ${seconds} s, recorded before the close ${(recordedMs / 1000).toFixed(2)} s`);
  expect(Math.abs(seconds - recordedMs / 1000)).toBeLessThanOrEqual(1.5);
  // The message tells the length of what was recorded, not of the time the server waited for the author.
  expect(Math.abs(messageSeconds - recordedMs / 1000)).toBeLessThanOrEqual(1.5);
});

describe('refused recording links', () => {
  /** Opens a link and expects the problem page for `code`: a heading, what to do, and no recorder. */
  async function expectRefused(url: string, code: string, title: string): Promise<Page> {
    const page = await newTab();
    await page.goto(url);
    const heading = byTestId(page, 'error-title');
    await heading.waitFor({ timeout: 15_000 });
    expect(await heading.textContent()).toBe(title);
    expect(await page.locator('main.page--problem').getAttribute('data-problem')).toBe(code);
    expect(await page.locator('main.page--problem .lead').textContent()).toMatch(/Ask the agent in your chat for a new recording link|ask the agent in your chat for a new recording link/);
    expect(await byTestId(page, 'clip-record').count()).toBe(0);
    expect(await byTestId(page, 'clip-recorder').count()).toBe(0);
    return page;
  }

  it('a link signed for another conversation is refused', async () => {
    const { clipId } = await offerClip();
    const clip = await clipOf(clipId);
    const { id: otherConversation } = await stack.backend.conversations.createConversation({ friendlyName: 'Another' });
    // Properly signed with the stack's key and naming the real clip, but bound to another conversation.
    const token = await stack.backend.deps.links.signClip({
      clipId,
      conversationId: otherConversation,
      customerIdentity: clip.authorIdentity,
      linkId: clip.linkId as string,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const page = await expectRefused(stack.backend.deps.links.clipUrl(token), 'link_invalid', 'This recording link is not valid');
    expect(await page.locator('main.page--problem .lead').textContent()).toMatch(/belongs to another conversation/);
    await expectNoViolations(page, 'recording page, link for another conversation');
  });

  it('an expired link is refused', async () => {
    const { conversationId, clipId } = await offerClip();
    const clip = await clipOf(clipId);
    // The very link the offer made, but its expiry already passed (same key, same claims).
    const token = await stack.backend.deps.links.signClip({
      clipId,
      conversationId,
      customerIdentity: clip.authorIdentity,
      linkId: clip.linkId as string,
      expiresAt: new Date(Date.now() - 60_000),
    });
    await expectRefused(stack.backend.deps.links.clipUrl(token), 'link_expired', 'This recording link has expired');
  });

  it('a link replaced by a newer one is refused; the newer one opens the recorder', async () => {
    const first = await offerClip();
    const second = await stack.post('/offer-clip', { Token: agentToken, conversationId: first.conversationId });
    expect(second.status).toBe(200);
    expect(linkTokenOf(second.body.url)).not.toBe(linkTokenOf(first.url));
    await expectRefused(first.url, 'link_revoked', 'This recording link was replaced');
    const page = await newTab();
    await page.goto(second.body.url as string);
    await byTestId(page, 'clip-record').waitFor({ timeout: 15_000 });
  });
});
