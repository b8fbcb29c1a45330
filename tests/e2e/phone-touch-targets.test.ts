import type { BrowserContext, Page } from 'playwright-core';
import type { TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { smallTouchTargets } from './support/touch-targets';

/**
 * The customer's pages on a phone (#23): at 390×844 with touch, every control of the chat, the
 * join page (before and during the call) and the clip recorder is at least 44×44 px, and axe
 * finds no WCAG 2.1 AA violation there.
 */
jest.setTimeout(120_000);

let call: CallFixture;
let stack: TestStack;
let phone: BrowserContext;
let page: Page;

beforeAll(async () => {
  call = await startCallFixture();
  stack = call.stack;
  // The customer's own Chromium (its fake camera and microphone), as a phone.
  phone = await call.customer.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  page = await phone.newPage();
});
afterAll(async () => {
  await phone?.close();
  await call?.close();
});

const byTestId = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);

async function expectPhoneReady(screen: string): Promise<void> {
  expect({ screen, small: await smallTouchTargets(page) }).toEqual({ screen, small: [] });
  await expectNoViolations(page, `${screen} at phone size`);
}

it('the chat, the join page, the call and the clip recorder have 44 px touch targets and no axe violations', async () => {
  const agent = call.agent.page;
  await agent.goto(stack.demo.agentUrl);
  await byTestId(agent, 'conversation-item').first().click();
  await byTestId(agent, 'offer-clip-button').click();
  await byTestId(agent, 'escalate-button').click();
  await byTestId(agent, 'agent-call-status').and(agent.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });

  await page.goto(stack.demo.customerChatUrl);
  const joinLink = byTestId(page, 'join-link').last();
  await joinLink.waitFor({ timeout: 15_000 });
  await byTestId(page, 'record-link').last().waitFor({ timeout: 15_000 });
  await expectPhoneReady('customer chat with a call invitation and a clip request');
  const recordHref = (await byTestId(page, 'record-link').last().getAttribute('href')) as string;

  await page.goto((await joinLink.getAttribute('href')) as string);
  await byTestId(page, 'consent-checkbox').waitFor();
  await page.waitForTimeout(500); // device lists fill in
  await expectPhoneReady('join page before joining');
  await byTestId(page, 'consent-checkbox').tap();
  await byTestId(page, 'join-button').tap();
  await byTestId(page, 'call-status').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
  await expectPhoneReady('join page in the call');
  await byTestId(page, 'leave-button').tap();

  await page.goto(recordHref);
  await byTestId(page, 'clip-setup').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  await expectPhoneReady('clip recorder');
});
