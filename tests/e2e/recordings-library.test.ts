import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { TestStack } from '../support/test-stack';
import type { ParticipantBrowser } from './support/browser-participant';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { makeFakeMedia } from './support/janus-fake-media';
import { startRecordedCall } from './support/recorded-call';
import { twoSpeakerClips, writeFakeMicWav } from './support/speech-clips';
import { waitUntil } from './support/wait-until';
import { messageTranscript } from '../support/message-transcript';

/**
 * The supervisors' library on the real local stack: a real recorded call (two Chromium
 * participants through Janus, transcribed by pocketsphinx) is found by a word the customer said;
 * the hit opens the player at that line; another agent gets nothing of it, and 403 on direct access.
 */
jest.setTimeout(240_000);

const SILENCE_BEFORE_SPEECH_S = 4;
const [customerSpeech] = twoSpeakerClips();

let call: CallFixture;
let stack: TestStack;
let agent: ParticipantBrowser;
let customer: ParticipantBrowser;
let recording: { recordingId: string; segments: { role: string; text: string; start: number }[] };

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  call = await startCallFixture({
    media: async (work) => {
      const speech = join(work, 'customer-speech.wav');
      await writeFakeMicWav([customerSpeech], speech, SILENCE_BEFORE_SPEECH_S);
      execFileSync('sox', ['-D', speech, join(work, 'customer-mic.wav'), 'pad', '0', '60']);
      return {
        agent: makeFakeMedia(work, { name: 'agent', pattern: 'testsrc' }),
        customer: { videoFile: makeFakeMedia(work, { name: 'customer', pattern: 'smptebars' }).videoFile, audioFile: join(work, 'customer-mic.wav'), audioOnce: true },
      };
    },
  });
  ({ stack, agent, customer } = call);

  // A real recorded call: escalate, the customer joins and speaks, the agent ends it.
  await startRecordedCall(call);
  await sleep((SILENCE_BEFORE_SPEECH_S + customerSpeech.durationSeconds + 2) * 1000);
  await byTestId(agent.page, 'end-call-button').click();
  const message = await waitUntil<ConversationMessage>('the transcript', async () => {
    const m = (await stack.backend.conversations.listMessages(stack.demo.conversationId)).find((x) => x.attributes.type === 'video-recording');
    return m && m.attributes.transcriptStatus === 'ready' && m;
  }, 150_000);
  const a = message.attributes as { recordingId: string };
  recording = { recordingId: a.recordingId, segments: await messageTranscript(stack.url, await stack.signIn(), message.attributes) };
});

afterAll(async () => {
  await call?.close();
});

it('a supervisor finds the call by a word the customer said, and the hit starts the video at that line', async () => {
  const reference = new Set(customerSpeech.reference.split(' '));
  const lines = recording.segments.filter((s) => s.role === 'customer');
  // A word the customer said that the recogniser also heard, long enough to be specific.
  const line = lines.find((s) => s.text.split(' ').some((w) => w.length >= 6 && reference.has(w)));
  expect(line).toBeDefined();
  const word = line!.text.split(' ').find((w) => w.length >= 6 && reference.has(w)) as string;

  const page = await (await customer.browser.newContext()).newPage();
  await page.goto(`${stack.url}/library.html?role=supervisor`);
  await byTestId(page, 'recording-row').first().waitFor({ timeout: 15_000 });
  await expectNoViolations(page, 'recordings library');
  await byTestId(page, 'search-input').fill(word);
  await byTestId(page, 'search-input').press('Enter');
  const hit = byTestId(page, 'search-hit').first();
  await hit.waitFor({ timeout: 10_000 });
  expect((await hit.locator('mark').first().textContent())?.toLowerCase()).toContain(word.slice(0, 4));
  await expectNoViolations(page, 'transcript search results');

  await hit.click();
  const video = page.locator('[data-testid="library-player"] [data-testid="recording-video"]');
  await video.waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    () => {
      const v = document.querySelector('[data-testid="library-player"] video') as HTMLVideoElement | null;
      return !!v && !v.paused && v.currentTime > 0;
    },
    undefined,
    { timeout: 15_000 },
  );
  const at = await video.evaluate((v) => (v as HTMLVideoElement).currentTime);
  expect(Math.abs(at - line!.start)).toBeLessThanOrEqual(1);
  expect(await page.locator('[data-testid="library-player"] track[kind="captions"]').count()).toBe(1);
  await expectNoViolations(page, 'library player');
});

it("another agent sees none of it: not in the list, not in search, 403 on the recording itself", async () => {
  const secret = JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8')).localAgentSecret as string;
  const sam = await new LocalIdentity(secret).issue({ identity: 'sam', name: 'Sam', roles: ['agent'] });
  const list = await stack.post('/recordings', { Token: sam });
  expect(list.status).toBe(200);
  expect(list.body.items.map((i: { recordingId: string }) => i.recordingId)).not.toContain(recording.recordingId);
  const word = recording.segments[0].text.split(' ')[0];
  const search = await stack.post('/search-transcripts', { Token: sam, query: word });
  expect(search.status).toBe(200);
  expect(search.body.hits).toEqual([]);
  const direct = await stack.post('/recordings', { Token: sam, recordingId: recording.recordingId });
  expect(direct.status).toBe(403);
  const media = await fetch(`${stack.url}/media/recordings/${recording.recordingId}/captions.vtt`, { headers: { Authorization: `Bearer ${sam}` } });
  expect(media.status).toBe(403);
  // The agent who ran the call does see it.
  const alex = await stack.signIn();
  const own = await stack.post('/recordings', { Token: alex });
  expect(own.body.items.map((i: { recordingId: string }) => i.recordingId)).toContain(recording.recordingId);
});
