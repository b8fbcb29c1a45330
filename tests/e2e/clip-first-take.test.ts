import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { makeFakeMedia } from './support/janus-fake-media';
import { waitUntil } from './support/wait-until';

/**
 * A first-time customer on the real local stack (#22), with a camera and a microphone that
 * hears nothing: they see the guide, make a 10-second test take that plays back in the browser
 * and reaches no server, put the guide away (it stays away after a reload), record, are warned
 * that the clip is silent, and send it anyway. axe finds nothing on each new screen.
 */
jest.setTimeout(180_000);

let call: CallFixture;
let stack: TestStack;
let page: Page;

const byTestId = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);
const recordingsDir = () => join(stack.dataDir, 'recordings');
const recordedRooms = () => (existsSync(recordingsDir()) ? readdirSync(recordingsDir()) : []);

beforeAll(async () => {
  call = await startCallFixture({
    media: async (work) => {
      const silentMic = join(work, 'silent-mic.wav');
      execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', silentMic, 'trim', '0', '120']);
      return {
        agent: makeFakeMedia(work, { name: 'agent', pattern: 'testsrc' }),
        customer: { videoFile: makeFakeMedia(work, { name: 'customer', pattern: 'smptebars' }).videoFile, audioFile: silentMic },
      };
    },
  });
  ({ stack } = call);
  page = call.customer.page;
});

afterAll(async () => {
  await call?.close();
});

describe('a first take', () => {
  it('a first-time customer sees the guide above the setup', async () => {
    const agent = call.agent.page;
    await agent.goto(stack.demo.agentUrl);
    await byTestId(agent, 'conversation-item').first().click();
    await byTestId(agent, 'offer-clip-button').click();
    await page.goto(stack.demo.customerChatUrl);
    const link = byTestId(page, 'record-link').last();
    await link.waitFor({ timeout: 15_000 });
    await page.goto((await link.getAttribute('href')) as string);
    await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });

    expect(await byTestId(page, 'clip-guide').getAttribute('data-open')).toBe('true');
    expect(await byTestId(page, 'clip-guide-step').count()).toBe(3);
    expect(await page.locator('[data-testid="clip-guide-step"] svg').count()).toBe(3);
    await page.waitForTimeout(500); // device lists fill in
    await expectNoViolations(page, 'clip recorder with the first-time guide');
  });

  it('a 10-second test take shows the microphone level, stops by itself, plays back, and nothing reaches the server', async () => {
    const roomsBefore = recordedRooms();
    await byTestId(page, 'clip-test-start').click();
    await byTestId(page, 'clip-test-level').waitFor();
    await expectNoViolations(page, 'test take while recording');
    expect(await stack.backend.deps.clips.listOpenTakes()).toEqual([]);

    const started = Date.now();
    await byTestId(page, 'clip-test-playback').waitFor({ timeout: 15_000 });
    expect(Date.now() - started).toBeGreaterThan(7_000); // it ran its ten seconds (less the clicks' time)
    // It really plays: a local recording with a length, whose time moves.
    await page.waitForFunction(
      () => {
        const v = document.querySelector('[data-testid="clip-test-playback"]') as HTMLVideoElement | null;
        return !!v && v.readyState >= 2 && v.currentTime > 0.5;
      },
      undefined,
      { timeout: 15_000 },
    );
    expect(await byTestId(page, 'clip-test-silent').textContent()).toMatch(/heard almost no sound/);
    await expectNoViolations(page, 'test take played back');

    // Nothing was sent: no take, no room, no recording on the server; the clip is as it was offered.
    expect(await stack.backend.deps.clips.listOpenTakes()).toEqual([]);
    expect(recordedRooms()).toEqual(roomsBefore);
    const clips = await stack.backend.deps.clips.listByConversation(stack.demo.conversationId);
    expect(clips.filter((c) => c.authorRole === 'customer').map((c) => [c.status, c.take])).toEqual([['offered', 0]]);
  });

  it('the guide, once put away, stays folded after a reload', async () => {
    await byTestId(page, 'clip-guide-dismiss').click();
    expect(await byTestId(page, 'clip-guide-toggle').getAttribute('aria-expanded')).toBe('false');
    await page.reload();
    await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });
    expect(await byTestId(page, 'clip-guide').getAttribute('data-open')).toBe('false');
    expect(await byTestId(page, 'clip-test-start').count()).toBe(0);
  });

  it('records with a silent microphone, is warned before Send, and sends anyway', async () => {
    await byTestId(page, 'clip-mode-camera').check();
    await byTestId(page, 'clip-consent').check();
    await byTestId(page, 'clip-record').click();
    await byTestId(page, 'clip-recording').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(4_000);
    await byTestId(page, 'clip-stop').click();
    await byTestId(page, 'clip-review').waitFor({ timeout: 15_000 });

    expect(await byTestId(page, 'clip-quality-silent').textContent()).toMatch(/heard almost no sound/);
    // The camera (colour bars) is bright enough and there is no screen: nothing else to say.
    expect(await page.locator('[data-testid^="clip-quality-"]:not([data-testid="clip-quality-silent"])').count()).toBe(0);
    expect(await byTestId(page, 'clip-send').isEnabled()).toBe(true);
    await expectNoViolations(page, 'review with a quality warning');

    await byTestId(page, 'clip-send').click();
    await byTestId(page, 'clip-sent-page').waitFor({ timeout: 15_000 });
    await waitUntil(
      'the clip message',
      async () =>
        (await stack.backend.conversations.listMessages(stack.demo.conversationId)).some(
          (m) => m.attributes.type === 'video-recording' && m.attributes.kind === 'clip' && m.attributes.authorRole === 'customer',
        ),
      10_000,
    );
  });
});
