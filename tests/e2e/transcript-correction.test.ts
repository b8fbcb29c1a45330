import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { TestStack } from '../support/test-stack';
import { parseWebVtt } from '../support/webvtt';
import { messageTranscript, type ServedSegment } from '../support/message-transcript';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { startRecordedCall } from './support/recorded-call';
import { waitUntil } from './support/wait-until';

/**
 * Corrected transcripts (#22) on the real local stack: a real recorded call whose recogniser
 * "heard" a wrong word. A supervisor corrects the customer's line in the library's player, by
 * keyboard; the search finds the new word (and no longer the old one on that line), the captions
 * served and loaded by the player say it, and the chat message's excerpt says it. A stale second
 * edit is refused and explained; review is required, then marked.
 */
jest.setTimeout(240_000);

const LINES = ['thanks for calling support', 'my rooter keeps dropping the connection'];
const WRONG = 'my rooter keeps dropping the connection';
const RIGHT = 'my router keeps dropping the connection';

let call: CallFixture;
let stack: TestStack;
let supervisorToken: string;
let recordingId: string;
let customerLine: ServedSegment & { index: number };

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
const recordingMessage = async () =>
  (await stack.backend.conversations.listMessages(stack.demo.conversationId)).find((x) => x.attributes.type === 'video-recording') as ConversationMessage;

beforeAll(async () => {
  call = await startCallFixture({
    env: {
      TRANSCRIBER: 'command',
      TRANSCRIBER_COMMAND: JSON.stringify([process.execPath, join(__dirname, 'support/scripted-transcriber.cjs'), '{input}', ...LINES]),
    },
  });
  stack = call.stack;
  await startRecordedCall(call);
  await sleep(3000);
  await byTestId(call.agent.page, 'end-call-button').click();
  const message = await waitUntil<ConversationMessage>('the transcript in the chat', async () => {
    const m = await recordingMessage();
    return m && m.attributes.transcriptStatus === 'ready' && m;
  }, 150_000);
  recordingId = (message.attributes as { recordingId: string }).recordingId;
  supervisorToken = await stack.signIn('supervisor');
  const segments = await messageTranscript(stack.url, supervisorToken, message.attributes);
  const index = segments.findIndex((s) => s.role === 'customer' && s.text === WRONG);
  expect(index).toBeGreaterThanOrEqual(0);
  customerLine = { ...segments[index], index };
});

afterAll(async () => {
  await call?.close();
});

const search = async (query: string) =>
  ((await stack.post('/search-transcripts', { Token: supervisorToken, query })).body.hits as { recording: { recordingId: string }; speaker: string; text: string }[]).filter(
    (h) => h.recording.recordingId === recordingId,
  );

it('staff correct a transcript line, and search, captions and the message follow', async () => {
  expect((await search('rooter')).map((h) => h.speaker).sort()).toEqual(['Agent', 'Customer']);
  expect((await recordingMessage()).body).toContain(`Customer: ${WRONG}`);

  const page = await (await call.customer.browser.newContext()).newPage();
  await page.goto(`${stack.url}/library.html?role=supervisor&recording=${recordingId}`);
  const player = byTestId(page, 'library-player');
  const edit = player.getByRole('button', { name: `Edit line at ${clock(customerLine.start)} by Customer`, exact: true });
  await edit.waitFor({ timeout: 15_000 });
  await expectNoViolations(page, 'library player with Edit buttons');

  // By keyboard: Enter opens the inline form with the text field focused; Tab reaches the speaker and Save.
  await edit.focus();
  await page.keyboard.press('Enter');
  const form = byTestId(page, 'line-editor');
  await form.waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('line-text');
  expect(await byTestId(page, 'line-speaker').inputValue()).toBe('Customer');
  await expectNoViolations(page, 'the line editor');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(RIGHT);
  await page.keyboard.press('Tab'); // speaker
  await page.keyboard.press('Tab'); // Save
  await page.keyboard.press('Enter');

  // The player reopens with what the server now has, focus back on the line's Edit button.
  await player.locator('li', { hasText: RIGHT }).first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (name) => document.activeElement?.getAttribute('aria-label') === name,
    `Edit line at ${clock(customerLine.start)} by Customer`,
    { timeout: 10_000 },
  );

  // Search: the new word finds the corrected line; the old one only the agent's (uncorrected) line.
  expect((await search('router')).map((h) => [h.speaker, h.text])).toEqual([['Customer', RIGHT]]);
  expect((await search('rooter')).map((h) => h.speaker)).toEqual(['Agent']);

  // Captions: served, and loaded by the player's track.
  const vtt = await fetch(`${stack.url}/media/recordings/${recordingId}/captions.vtt`, { headers: { Authorization: `Bearer ${supervisorToken}` } });
  const cues = parseWebVtt(await vtt.text());
  expect(cues.some((c) => c.text.includes('<v Customer>') && c.text.includes('router'))).toBe(true);
  await page.waitForFunction(
    () => {
      const track = (document.querySelector('[data-testid="library-player"] video') as HTMLVideoElement | null)?.textTracks[0];
      if (track && track.mode === 'disabled') track.mode = 'hidden';
      return Array.from(track?.cues ?? []).some((c) => (c as VTTCue).text.includes('router'));
    },
    undefined,
    { timeout: 15_000 },
  );

  // The chat message's excerpt.
  const body = (await recordingMessage()).body;
  expect(body).toContain(`Customer: ${RIGHT}`);
  expect(body).toContain(`Agent: ${WRONG}`);

  // Audited: who, and the kept before and after.
  const audit = await stack.post('/audit-log', { Token: supervisorToken, conversationId: stack.demo.conversationId });
  expect(audit.status).toBe(200);
  expect(JSON.stringify(audit.body)).toContain('transcript.corrected');
  const corrections = await stack.backend.deps.pipeline.library?.listCorrections(recordingId);
  expect(corrections?.map((c) => [c.before.text, c.after.text, c.by.identity])).toEqual([[WRONG, RIGHT, expect.any(String)]]);
});

it('a stale edit is refused and the editor says why; review is required, then marked', async () => {
  const page = await (await call.customer.browser.newContext()).newPage();
  await page.goto(`${stack.url}/library.html?role=supervisor&recording=${recordingId}`);
  const player = byTestId(page, 'library-player');
  const agentLine = player.locator('li', { hasText: WRONG }).first();
  await agentLine.getByRole('button', { name: /^Edit line at \d+:\d\d by Agent$/ }).click();
  await byTestId(page, 'line-text').fill('my router is dropping');

  // Someone else saves that line first.
  const served = await messageTranscript(stack.url, supervisorToken, (await recordingMessage()).attributes);
  const agentIndex = served.findIndex((s) => s.role === 'agent' && s.text === WRONG);
  const other = await stack.post('/transcript-corrections', {
    Token: await stack.signIn('agent'),
    action: 'correct',
    recordingId,
    line: agentIndex,
    expected: { start: served[agentIndex].start, speaker: 'Agent', text: WRONG },
    text: 'my router keeps dropping',
    speaker: 'Agent',
  });
  // The agent who ran the call may correct their own recording.
  expect(other.status).toBe(200);

  await byTestId(page, 'save-line').click();
  const error = byTestId(page, 'line-error');
  await error.waitFor();
  expect(await error.textContent()).toContain('Someone else saved a change to this line');
  expect(await byTestId(page, 'line-text').inputValue()).toBe('my router is dropping');
  await expectNoViolations(page, 'a refused stale edit');
  await byTestId(page, 'cancel-line').click();

  // Review: required by the supervisor, shown in the list, then marked.
  await byTestId(page, 'require-review').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="review-state"]')?.textContent?.startsWith('Review required'));
  expect(await byTestId(page, 'require-review').getAttribute('aria-pressed')).toBe('true');
  await page.goto(`${stack.url}/library.html?role=supervisor`);
  const row = page.locator(`[data-testid="recording-row"][data-recording-id="${recordingId}"]`);
  await row.waitFor({ timeout: 15_000 });
  expect(await row.locator('[data-testid="review-badge"]').textContent()).toContain('Review required');
  await expectNoViolations(page, 'the list with a review badge');
  await row.getByRole('button', { name: /^Open/ }).click();
  await byTestId(page, 'mark-reviewed').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="review-state"]')?.textContent?.startsWith('Reviewed by'));
  await expectNoViolations(page, 'a reviewed recording');
  const list = await stack.post('/recordings', { Token: supervisorToken, recordingId });
  expect(list.body.items[0].review).toMatchObject({ required: { identity: expect.any(String) }, reviewed: { identity: expect.any(String) } });
});
