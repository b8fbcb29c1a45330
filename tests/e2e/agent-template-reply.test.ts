import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConversationMessage } from '../../src/domain/conversation';
import type { TestStack } from '../support/test-stack';
import type { ParticipantBrowser } from './support/browser-participant';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { makeFakeMedia } from './support/janus-fake-media';
import { waitUntil } from './support/wait-until';

/**
 * An agent's video reply with a reply template (#22), on the real local stack in real Chromium:
 * screen only is offered first, the agent picks the troubleshooting template, and while they
 * record the checklist walks through its parts with the customer's name in the opening line. The
 * template goes to the server with the take, and the sent clip's card carries a description drawn
 * from what the agent said.
 */
jest.setTimeout(300_000);

let call: CallFixture;
let stack: TestStack;
const AGENT_LINES = ['open the router settings and update the router firmware', 'then restart the router to fix the wifi connection'];
let agent: ParticipantBrowser;

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function agentClipMessages(): Promise<ConversationMessage[]> {
  return (await stack.backend.conversations.listMessages(stack.demo.conversationId)).filter(
    (m) => m.attributes.type === 'video-recording' && m.attributes.kind === 'clip' && m.attributes.authorRole === 'agent',
  );
}

beforeAll(async () => {
  call = await startCallFixture({
    // What the agent says is heard exactly (the scripted engine): the key sentences come from it, not
    // from how well pocketsphinx hears a synthetic voice.
    env: {
      TRANSCRIBER: 'command',
      TRANSCRIBER_COMMAND: JSON.stringify([process.execPath, join(__dirname, 'support/scripted-transcriber.cjs'), '{input}', ...AGENT_LINES]),
      LIVE_TRANSCRIPTION: 'false',
    },
    media: async (work) => ({
      agent: makeFakeMedia(work, { name: 'agent', pattern: 'testsrc', speech: 'Open the router settings and update the router firmware to fix the wifi connection.' }),
      customer: makeFakeMedia(work, { name: 'customer', pattern: 'smptebars' }),
    }),
  });
  ({ stack, agent } = call);
});

afterAll(async () => {
  await call?.close();
});

describe('agent reply templates', () => {
  it('an agent records a reply with a template checklist shown', async () => {
    const page = agent.page;
    await page.goto(stack.demo.agentUrl);
    await byTestId(page, 'conversation-item').first().click();
    await byTestId(page, 'record-reply-button').click();
    await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });

    // Screen only first, and chosen, for a camera-shy agent.
    const modes = await page.locator('[data-testid^="clip-mode-"]').evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('data-testid'), (i as HTMLInputElement).checked]));
    expect(modes[0]).toEqual(['clip-mode-screen', true]);

    await byTestId(page, 'template-picker').waitFor();
    await byTestId(page, 'template-option-troubleshooting').check();
    await expectNoViolations(page, 'agent recorder setup with the template picker');

    // This browser has no automatic screen picker: the camera records this take.
    await byTestId(page, 'clip-mode-camera').check();
    await byTestId(page, 'clip-consent').check();
    await byTestId(page, 'clip-record').click();
    await byTestId(page, 'clip-recording').waitFor({ timeout: 20_000 });

    const checklist = byTestId(page, 'template-checklist');
    await checklist.waitFor({ timeout: 5_000 });
    expect(await checklist.getAttribute('data-template')).toBe('troubleshooting');
    expect(await byTestId(page, 'template-opening-line').textContent()).toMatch(/^Hi Jordan Lee, /);
    expect(await page.locator('[data-testid="template-part"][data-state="current"]').getAttribute('data-part')).toBe('opening');
    await expectNoViolations(page, 'agent recorder with the template checklist');

    // Past the opening's 5 seconds: the checklist moves on to the context, and says so once.
    await page.locator('[data-testid="template-part"][data-part="context"][data-state="current"]').waitFor({ timeout: 12_000 });
    expect(await byTestId(page, 'template-part-announcer').textContent()).toBe('Now: Context');
    expect(await page.locator('[data-testid="template-part"][data-part="opening"]').getAttribute('data-state')).toBe('done');
    await sleep(4000);

    await byTestId(page, 'clip-stop').click();
    await byTestId(page, 'clip-send').click();
    const reply = await waitUntil('the reply clip', async () => (await agentClipMessages())[0], 15_000);
    const clip = await stack.backend.deps.clips.get(String(reply.attributes.clipId));
    expect(clip?.template).toBe('troubleshooting');

    // Without a description of the agent's own, the card shows key sentences of what was said.
    const description = page.locator('[data-testid="recording-card"][data-kind="clip"] [data-testid="clip-description"]').last();
    await description.waitFor({ timeout: 180_000 });
    expect(await description.getAttribute('data-source')).toBe('transcript');
    expect(await description.textContent()).toMatch(/^Description \(key sentences from the transcript\): \S/);
    const describedBy = await page.locator('[data-testid="recording-card"][data-kind="clip"] video').last().getAttribute('aria-describedby');
    expect(describedBy).toBe(await description.getAttribute('id'));
    await expectNoViolations(page, 'agent console with a described clip');
  });
});
