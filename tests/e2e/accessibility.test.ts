import type { Page } from 'playwright-core';
import type { TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { waitForFrames } from './support/media-probes';

/** WCAG 2.1 AA (axe-core) on every screen a person meets, and the join flow by keyboard alone. */
jest.setTimeout(120_000);

let call: CallFixture;
let stack: TestStack;
let agentPage: Page;
let customerPage: Page;

beforeAll(async () => {
  call = await startCallFixture();
  stack = call.stack;
  agentPage = call.agent.page;
  customerPage = call.customer.page;
});

afterAll(async () => {
  await call?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);


describe('accessibility', () => {
  it('agent console, customer chat, join page and both sides of a call pass WCAG 2.1 AA checks', async () => {
    await agentPage.goto(stack.demo.agentUrl);
    await byTestId(agentPage, 'conversation-item').first().click();
    await byTestId(agentPage, 'message-list').waitFor();
    await expectNoViolations(agentPage, 'agent console');

    await customerPage.goto(stack.demo.customerChatUrl);
    await byTestId(customerPage, 'message-list').waitFor();
    await expectNoViolations(customerPage, 'customer chat');

    await byTestId(agentPage, 'escalate-button').click();
    await byTestId(agentPage, 'agent-call-status').and(agentPage.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
    await expectNoViolations(agentPage, 'agent in call');

    const link = byTestId(customerPage, 'join-link').last();
    await link.waitFor();
    await customerPage.goto((await link.getAttribute('href')) as string);
    await byTestId(customerPage, 'consent-checkbox').waitFor();
    await customerPage.waitForTimeout(500); // device lists fill in
    await expectNoViolations(customerPage, 'join page (pre-join)');

    // Keyboard only: reach the consent box, tick it, reach Join, press it.
    const focusOn = async (testId: string) => {
      for (let i = 0; i < 20; i++) {
        await customerPage.keyboard.press('Tab');
        if (await customerPage.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
      }
      throw new Error(`Tab never reached ${testId}`);
    };
    await focusOn('consent-checkbox');
    await customerPage.keyboard.press('Space');
    // Enter right in the consent box joins: the pre-join form submits once consent is given.
    await customerPage.keyboard.press('Enter');
    await byTestId(customerPage, 'call-status').and(customerPage.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
    await expectNoViolations(customerPage, 'customer in call');

    // Mute by keyboard; the control says so to assistive technology.
    await byTestId(customerPage, 'mute-button').focus();
    await customerPage.keyboard.press('Enter');
    expect(await byTestId(customerPage, 'mute-button').getAttribute('aria-pressed')).toBe('true');

    // Share the screen by keyboard: the agent sees it large (with frames), and it goes when sharing stops.
    await byTestId(customerPage, 'screen-button').focus();
    await customerPage.keyboard.press('Enter');
    await waitForFrames(agentPage, 'agent-remote-screen');
    expect(await byTestId(customerPage, 'screen-button').getAttribute('aria-pressed')).toBe('true');
    await expectNoViolations(agentPage, 'agent watching a screen share');
    const focused = await customerPage.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(focused).toBe('screen-button'); // focus stays on the control the user pressed
    await customerPage.keyboard.press('Enter');
    await byTestId(agentPage, 'agent-remote-screen').waitFor({ state: 'detached', timeout: 10_000 });
    // The agent may see the share go before the customer's own unpublish is acknowledged: wait for it.
    await customerPage.locator('[data-testid="screen-button"][aria-pressed="false"]').waitFor({ timeout: 5_000 });

    await byTestId(agentPage, 'end-call-button').click();
    await customerPage.waitForFunction(() => /ended/i.test(document.querySelector('[data-testid="call-status"]')?.textContent ?? ''));
    await expectNoViolations(customerPage, 'call ended page');
  });
});
