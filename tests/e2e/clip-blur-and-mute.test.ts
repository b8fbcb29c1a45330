import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { audioLevelDb, regionSharpness } from '../support/media-measure';
import { plainCopy, stackMediaKeys } from '../support/read-stored-media';
import type { TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { makeFakeMedia } from './support/janus-fake-media';
import { waitUntil } from './support/wait-until';

/**
 * Blur before Send and spoken card numbers muted (#22), on the real local stack in real Chromium:
 * the customer records a camera clip (a detailed test pattern, a steady tone for a voice), draws a
 * blur over 2–6 s with the annotation editor's keyboard form, and sends. The speech engine "hears"
 * a card number. The stored video is blurred in that region in those seconds only, silent where
 * the card number was said and not around it, no unfinished copy is left on disk, and captions
 * and transcript say `[card number]`.
 */
jest.setTimeout(300_000);

const CARD_WORDS = 'four five five six double seven three seven twelve thirty four fifty six seventy nine';
// The scripted engine times words from 0.5 s, 0.35 s apart, 0.6 s between lines: the card is read
// from about 5.3 s to 10.2 s of the speaker's audio.
const LINES = ['hello this is a short clip about my order', `my card is ${CARD_WORDS}`, 'thanks'];
const REGION = { x: 0.25, y: 0.25, width: 0.4, height: 0.4 };

let call: CallFixture;
let stack: TestStack;
let page: Page;

const byTestId = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  call = await startCallFixture({
    env: {
      TRANSCRIBER: 'command',
      TRANSCRIBER_COMMAND: JSON.stringify([process.execPath, join(__dirname, 'support/scripted-transcriber.cjs'), '{input}', ...LINES]),
      // The script starts over on every live round, which would move the card past the clip's end.
      LIVE_TRANSCRIPTION: 'false',
    },
    media: async (work) => {
      const tone = (name: string) => {
        const out = join(work, `${name}-tone.wav`);
        execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=120', out]);
        return out;
      };
      return {
        agent: { videoFile: makeFakeMedia(work, { name: 'agent', pattern: 'testsrc' }).videoFile, audioFile: tone('agent') },
        customer: { videoFile: makeFakeMedia(work, { name: 'customer', pattern: 'testsrc' }).videoFile, audioFile: tone('customer') },
      };
    },
  });
  ({ stack } = call);
  page = call.customer.page;
});

afterAll(async () => {
  await call?.close();
});

describe('blur and mute before Send', () => {
  let recordingId = '';

  it('the customer records a camera clip, blurs a rectangle over 2–6 s from the keyboard, and sends', async () => {
    await call.agent.page.goto(stack.demo.agentUrl);
    await byTestId(call.agent.page, 'conversation-item').first().click();
    await byTestId(call.agent.page, 'offer-clip-button').click();
    await page.goto(stack.demo.customerChatUrl);
    const link = byTestId(page, 'record-link').last();
    await link.waitFor({ timeout: 15_000 });
    await page.goto((await link.getAttribute('href')) ?? '');
    await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });
    await byTestId(page, 'clip-mode-camera').check();
    await byTestId(page, 'clip-consent').check();
    await byTestId(page, 'clip-record').click();
    await byTestId(page, 'clip-recording').waitFor({ timeout: 20_000 });
    await sleep(14_000);
    await byTestId(page, 'clip-stop').click();
    await byTestId(page, 'clip-review').waitFor({ timeout: 15_000 });
    await byTestId(page, 'annotation-editor').waitFor({ timeout: 10_000 });

    // Keyboard only: the tool, the rectangle in %, the seconds, Add.
    await byTestId(page, 'annotation-tool-blur').focus();
    await page.keyboard.press('Space');
    for (const [id, value] of [['x', '25'], ['y', '25'], ['width', '40'], ['height', '40'], ['start', '2'], ['end', '6']] as const) {
      await byTestId(page, `annotation-${id}`).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(value);
    }
    await byTestId(page, 'annotation-add').focus();
    await page.keyboard.press('Enter');
    await byTestId(page, 'annotation-item').filter({ hasText: 'Blur at 25%, 25%, 40% by 40%, 2 s to 6 s' }).waitFor({ timeout: 5_000 });
    await expectNoViolations(page, 'clip review with the annotation editor');

    await byTestId(page, 'clip-send').click();
    await byTestId(page, 'clip-sent-page').waitFor({ timeout: 15_000 });
    const sent = (await stack.backend.deps.clips.listByConversation(stack.demo.conversationId)).find((c) => c.status === 'sent');
    expect(sent?.annotations).toEqual([{ kind: 'blur', ...REGION, startSeconds: 2, endSeconds: 6 }]);
  });

  it('the stored video is blurred there in those seconds only, silent where the card was read, with no unfinished copy', async () => {
    const message = await waitUntil<ConversationMessage>(
      'the finished clip in the chat',
      async () =>
        (await stack.backend.conversations.listMessages(stack.demo.conversationId)).find(
          (m) => m.attributes.kind === 'clip' && m.attributes.videoStatus === 'ready' && m.attributes.transcriptStatus === 'ready',
        ),
      180_000,
    );
    recordingId = String(message.attributes.recordingId);
    const job = (await stack.backend.deps.pipeline.store.getByRecordingId(recordingId)) as PipelineJob;
    expect(job.finish?.status).toBe('finishing');
    expect(job.video?.compositionId).toBe(job.finish?.finishId);

    const dir = join(stack.dataDir, 'compositions', recordingId);
    expect(readdirSync(dir).filter((f) => /\.(mp4|webm|mkv)$/.test(f))).toEqual(['video.mp4']);
    const video = plainCopy(join(dir, 'video.mp4'), stackMediaKeys(stack.dataDir));
    try {
      const during = await regionSharpness(video.path, 4, REGION);
      expect(during).toBeLessThan((await regionSharpness(video.path, 1, REGION)) / 2);
      expect(during).toBeLessThan((await regionSharpness(video.path, 8, REGION)) / 2);

      const spans = job.finish?.plan?.muteSpans ?? [];
      expect(spans).toHaveLength(1);
      const [span] = spans;
      const inside = await audioLevelDb(video.path, span.startSeconds + 0.2, span.endSeconds - 0.2);
      const before = await audioLevelDb(video.path, Math.max(0, span.startSeconds - 2), span.startSeconds - 0.1);
      const after = await audioLevelDb(video.path, span.endSeconds + 0.1, span.endSeconds + 1.5);
      expect(inside).toBeLessThan(-80);
      expect(before).toBeGreaterThan(inside + 40);
      expect(after).toBeGreaterThan(inside + 40);
    } finally {
      video.cleanup();
    }
  });

  it('captions and transcript say [card number]', async () => {
    const token = await stack.signIn();
    const get = (name: string) => fetch(`${stack.url}/media/recordings/${recordingId}/${name}`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.text());
    expect(await get('captions.vtt')).toContain('[card number]');
    expect(await get('transcript.json')).toContain('[card number]');
  });
});
