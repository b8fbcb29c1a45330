import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { luhnValid } from '../../src/core/privacy/pii/checksums';
import { parseWebVtt } from '../support/webvtt';
import type { TestStack } from '../support/test-stack';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { startRecordedCall } from './support/recorded-call';
import { waitUntil } from './support/wait-until';
import { messageTranscript } from '../support/message-transcript';

/**
 * Spoken card number (#11) on the real local stack: a real recorded call (two Chromium
 * participants through Janus) whose speech engine "hears" a Luhn-valid card number read out as
 * words, with "double" and pairs, and a spoken email. What the server serves (transcript.json,
 * captions.vtt), the chat message and the agent's card all say `[card number]` and `[email]`
 * with nothing of either left; the job is flagged, and the supervisors' list shows it.
 */
jest.setTimeout(240_000);

/** 4556 7737 1234 5679, read the way people do: singles, "double seven", then pairs. */
const CARD = '4556773712345679';
const CARD_WORDS = 'four five five six double seven three seven twelve thirty four fifty six seventy nine';
const EMAIL_WORDS = 'jordan dot lee at example dot com';
const LINES = [
  'hi I would like to pay the open invoice today',
  `my card is ${CARD_WORDS}`,
  `and please send the receipt to ${EMAIL_WORDS}`,
  'thank you',
];

let call: CallFixture;
let stack: TestStack;
let agentToken: string;
let message: ConversationMessage;
let recordingId: string;

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const served = (name: string) =>
  fetch(`${stack.url}/media/recordings/${recordingId}/${name}`, { headers: { Authorization: `Bearer ${agentToken}` } });

/** Every trace of the card or the email left in a text: digits, digit words, address parts. */
function leaksIn(text: string): string[] {
  const leaks: string[] = [];
  for (let i = 0; i + 4 <= CARD.length; i++) if (text.includes(CARD.slice(i, i + 4))) leaks.push(CARD.slice(i, i + 4));
  leaks.push(...(text.match(/\d{4,}/g) ?? []));
  const words = text.toLowerCase().replace(/[^a-z]+/g, ' ');
  const spoken = CARD_WORDS.split(' ');
  for (let i = 0; i + 3 <= spoken.length; i++) {
    const three = spoken.slice(i, i + 3).join(' ');
    if (` ${words} `.includes(` ${three} `)) leaks.push(three);
  }
  for (const part of ['jordan', 'lee', 'example']) if (new RegExp(`\\b${part}\\b`).test(words)) leaks.push(part);
  return [...new Set(leaks)];
}

function expectRedacted(what: string, text: string): void {
  expect({ what, card: text.includes('[card number]'), email: text.includes('[email]') }).toEqual({ what, card: true, email: true });
  expect({ what, leaks: leaksIn(text) }).toEqual({ what, leaks: [] });
}

beforeAll(async () => {
  call = await startCallFixture({
    env: {
      TRANSCRIBER: 'command',
      TRANSCRIBER_COMMAND: JSON.stringify([process.execPath, join(__dirname, 'support/scripted-transcriber.cjs'), '{input}', ...LINES]),
    },
  });
  stack = call.stack;
  agentToken = await stack.signIn();

  // A real recorded call: escalate, the customer consents and joins, a few seconds, the agent ends it.
  await startRecordedCall(call);
  await sleep(3000);
  await byTestId(call.agent.page, 'end-call-button').click();

  message = await waitUntil<ConversationMessage>('the transcript in the chat', async () => {
    const m = (await stack.backend.conversations.listMessages(stack.demo.conversationId)).find((x) => x.attributes.type === 'video-recording');
    return m && m.attributes.transcriptStatus === 'ready' && m;
  }, 150_000);
  recordingId = (message.attributes as { recordingId: string }).recordingId;
});

afterAll(async () => {
  await call?.close();
});

it('the fixture is what it claims: a Luhn-valid card, and unredacted text would count as a leak', () => {
  expect(luhnValid(CARD)).toBe(true);
  expect(leaksIn(LINES.join(' '))).toEqual(expect.arrayContaining(['four five five', 'double seven three', 'fifty six seventy', 'jordan', 'lee', 'example']));
  expect(leaksIn('4556-7737-1234-5679')).toEqual(expect.arrayContaining(['4556', '5679']));
});

it('transcript.json and captions.vtt, served to the agent, carry the markers and nothing of the card or email', async () => {
  const transcriptRes = await served('transcript.json');
  expect(transcriptRes.status).toBe(200);
  const transcript = (await transcriptRes.json()) as { segments: { text: string; words: { word: string }[] }[] };
  expect(transcript.segments.length).toBeGreaterThan(0);
  expectRedacted('transcript.json text', transcript.segments.map((s) => s.text).join('\n'));
  // The word timings too: the card became one marker word, not digit words with times.
  expectRedacted('transcript.json words', transcript.segments.flatMap((s) => s.words.map((w) => w.word)).join(' '));
  expect(transcript.segments.some((s) => s.words.some((w) => w.word === '[card number]'))).toBe(true);

  const captionsRes = await served('captions.vtt');
  expect(captionsRes.status).toBe(200);
  const cues = parseWebVtt(await captionsRes.text());
  expect(cues.length).toBeGreaterThan(0);
  expectRedacted('captions.vtt', cues.map((c) => c.text).join('\n'));
});

it('the chat message, body and attributes, says [card number] and [email] with no digits of them', async () => {
  // The body quotes only the transcript's opening (#18: it must fit SMS): the card comes first, and nothing leaks.
  expect(message.body).toContain('[card number]');
  // The watch link (a URL with the stack's port and a signed token) is not what was said.
  const said = message.body.replace(/https?:\/\/\S+/g, '');
  expect(said).not.toBe(message.body);
  expect({ what: 'message body', leaks: leaksIn(said) }).toEqual({ what: 'message body', leaks: [] });
  // The message carries no transcript (#18): what its transcriptUrl serves is checked above as transcript.json.
  expect(message.attributes).not.toHaveProperty('transcript');
  expectRedacted('message transcript', (await messageTranscript(stack.url, await stack.signIn(), message.attributes)).map((s) => s.text).join('\n'));
  // Nowhere else in the conversation either (link tokens aside, nothing there should spell the words).
  const all = await stack.backend.conversations.listMessages(stack.demo.conversationId);
  const words = leaksIn(all.map((m) => `${m.body}\n${JSON.stringify(m.attributes)}`).join('\n')).filter((l) => /[a-z]/.test(l));
  expect(words).toEqual([]);
});

it('the recording is flagged: the job lists the kinds, and the supervisors see pii on their list', async () => {
  const job = (await stack.backend.deps.pipeline.store.getByRecordingId(recordingId)) as PipelineJob;
  expect(job.pii).toEqual(expect.arrayContaining(['card_number', 'email']));
  expectRedacted('stored job transcript', (job.transcript?.segments ?? []).map((s) => s.text).join('\n'));

  const supervisor = await stack.signIn('supervisor');
  const list = await stack.post('/recordings', { Token: supervisor });
  expect(list.status).toBe(200);
  const row = list.body.items.find((i: { recordingId: string }) => i.recordingId === recordingId);
  expect(row).toMatchObject({ recordingId, pii: true });

  // The search index holds the redacted text: a word around the card is found, the email is not.
  const around = await stack.post('/search-transcripts', { Token: supervisor, query: 'invoice' });
  expect(around.status).toBe(200);
  expect(around.body.hits.length).toBeGreaterThan(0);
  const email = await stack.post('/search-transcripts', { Token: supervisor, query: 'jordan' });
  expect(email.status).toBe(200);
  expect(email.body.hits).toEqual([]);
});

it("the agent console's recording card shows the markers in its transcript and captions, not the digits", async () => {
  const page = call.agent.page;
  const card = page.locator('[data-testid="recording-card"]').last();
  const transcript = card.locator('[data-testid="transcript"]');
  await transcript.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="recording-card"] [data-testid="transcript"]')?.textContent?.includes('[card number]'), undefined, { timeout: 15_000 });
  expectRedacted('visible transcript', await transcript.innerText());
  expect(leaksIn(await card.innerText())).toEqual([]);

  // The captions the player loads (with the agent's own credentials) are the redacted ones.
  const cueTexts = await page.waitForFunction(
    () => {
      const video = document.querySelector('[data-testid="recording-card"] video') as HTMLVideoElement | null;
      const track = video?.textTracks[0];
      if (!track) return null;
      if (track.mode === 'disabled') track.mode = 'hidden';
      const cues = track.cues ? Array.from(track.cues as unknown as ArrayLike<VTTCue>) : [];
      return cues.length > 0 ? cues.map((c) => c.text) : null;
    },
    undefined,
    { timeout: 15_000 },
  );
  expectRedacted('player captions', ((await cueTexts.jsonValue()) as string[]).join('\n'));
});
