import type { Page } from 'playwright-core';
import type { TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import type { ParticipantBrowser } from './support/browser-participant';
import { waitUntil } from './support/wait-until';

/**
 * #20's whole loop on the real local stack, in real Chromium: the customer's hard-to-explain words
 * raise a suggestion in the agent's console; the agent sends the suggested clip request; the
 * customer records a camera clip and sends it; the agent resolves; the customer answers the
 * two-question survey from the chat; the supervisors' dashboard counts the ticket in adoption,
 * resolution and CSAT. axe finds nothing on the survey or the dashboard.
 */
jest.setTimeout(240_000);

let call: CallFixture;
let stack: TestStack;
let agent: ParticipantBrowser;
let customer: ParticipantBrowser;

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  call = await startCallFixture();
  ({ stack, agent, customer } = call);
});
afterAll(async () => {
  await call?.close();
});

const eventsOfTicket = async () => (await stack.backend.deps.supportEvents.list(stack.demo.conversationId)).map((r) => r.event);

it('suggestion → clip request → clip → resolve → survey → dashboard', async () => {
  // 1. The customer struggles to put it into words; the agent's console offers video, with why.
  await agent.page.goto(stack.demo.agentUrl);
  await byTestId(agent.page, 'conversation-item').first().click();
  await customer.page.goto(stack.demo.customerChatUrl);
  await byTestId(customer.page, 'composer-input').fill("It's really hard to explain, the settings page does something weird when I save");
  await byTestId(customer.page, 'send-button').click();
  const banner = byTestId(agent.page, 'video-suggestion');
  await banner.waitFor({ timeout: 15_000 });
  expect(await banner.textContent()).toContain('The customer finds it hard to put into words.');
  const template = await byTestId(agent.page, 'video-suggestion-message').inputValue();
  expect(template).toMatch(/it sounds like this might be easier to explain visually/);
  expect(template).toMatch(/No app install needed/);
  await expectNoViolations(agent.page, 'agent console with a video suggestion');

  // 2. The agent accepts: the clip request goes out in the suggestion's words, counted as accepted.
  await byTestId(agent.page, 'video-suggestion-send').click();
  await banner.waitFor({ state: 'detached', timeout: 10_000 });
  const link = byTestId(customer.page, 'record-link').last();
  await link.waitFor({ timeout: 15_000 });
  const request = (await stack.backend.conversations.listMessages(stack.demo.conversationId)).filter((m) => m.attributes.type === 'video-clip-request').at(-1);
  expect(request?.body.startsWith(template)).toBe(true);
  expect(await eventsOfTicket()).toEqual(
    expect.arrayContaining([
      { kind: 'suggestion_shown', reasons: ['hard_to_explain'] },
      { kind: 'video_offered', medium: 'clip', viaSuggestion: true },
      { kind: 'suggestion_accepted', medium: 'clip' },
    ]),
  );

  // 3. The customer records a camera clip and sends it.
  const recordPage = customer.page;
  await recordPage.goto((await link.getAttribute('href')) ?? '');
  await byTestId(recordPage, 'clip-setup').waitFor({ timeout: 15_000 });
  await byTestId(recordPage, 'clip-mode-camera').check();
  await byTestId(recordPage, 'clip-consent').check();
  await byTestId(recordPage, 'clip-record').click();
  await byTestId(recordPage, 'clip-recording').waitFor({ timeout: 20_000 });
  await sleep(3000);
  await byTestId(recordPage, 'clip-stop').click();
  await byTestId(recordPage, 'clip-send').click();
  await byTestId(recordPage, 'clip-sent-page').waitFor({ timeout: 15_000 });
  await waitUntil('the clip in the log', async () => (await eventsOfTicket()).some((e) => e.kind === 'clip_sent' && e.side === 'customer'), 10_000);

  // 4. The agent resolves: the customer's chat gets the survey.
  await byTestId(agent.page, 'resolve-ticket-button').click();
  await customer.page.goto(stack.demo.customerChatUrl);
  const surveyLink = byTestId(customer.page, 'survey-link').last();
  await surveyLink.waitFor({ timeout: 15_000 });
  const surveyMessage = (await stack.backend.conversations.listMessages(stack.demo.conversationId)).filter((m) => m.attributes.type === 'support-survey').at(-1);
  // What Webchat and SMS show: the link in the body, within SMS's 1,600 characters.
  expect(surveyMessage?.body).toContain((await surveyLink.getAttribute('href')) ?? 'no link');
  expect(surveyMessage!.body.length).toBeLessThanOrEqual(1600);

  // 5. The survey: yes, then 5, by keyboard-operable radios; a repeat of the link changes nothing.
  const surveyUrl = (await surveyLink.getAttribute('href')) ?? '';
  const survey = customer.page;
  await survey.goto(surveyUrl);
  await byTestId(survey, 'survey-page').waitFor({ timeout: 15_000 });
  await expectNoViolations(survey, 'survey, first question');
  await survey.getByLabel('Yes').check();
  await byTestId(survey, 'survey-submit').click();
  await survey.getByLabel(/^5 – /).waitFor({ timeout: 10_000 });
  await expectNoViolations(survey, 'survey, second question');
  await survey.getByLabel(/^5 – /).press('Space');
  await byTestId(survey, 'survey-submit').click();
  await survey.locator('[data-testid="survey-page"][data-step="done"]').waitFor({ timeout: 10_000 });
  await expectNoViolations(survey, 'survey, thank you');
  const answers = (await eventsOfTicket()).filter((e) => e.kind === 'csat' || e.kind === 'confirmed');
  expect(answers).toEqual([
    { kind: 'confirmed', solved: true },
    { kind: 'csat', score: 5 },
  ]);

  // 6. The dashboard counts the ticket: video used, resolved, CSAT 5.
  const dashboard = agent.page;
  await dashboard.goto(`${stack.url}/insights.html`);
  await byTestId(dashboard, 'metric-card').first().waitFor({ timeout: 15_000 });
  const value = async (key: string) => (await dashboard.locator(`[data-testid="metric-card"][data-metric="${key}"] [data-testid="metric-value"]`).textContent())?.trim();
  // The demo's only ticket: it used video, was resolved and confirmed, and scored 5.
  expect(await value('tickets')).toBe('1');
  expect(await value('video_tickets')).toBe('1');
  expect(await value('adoption_rate')).toBe('100%');
  expect(await value('resolution_rate')).toBe('100%');
  expect(await value('csat')).toBe('5 of 5');
  await expectNoViolations(dashboard, 'insights dashboard');
});
