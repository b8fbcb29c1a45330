import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';

/**
 * #23 on the real local stack: a supervisor puts a legal hold on a conversation they know only by
 * its customer, "Jordan Lee" (the demo seed's chat), without ever typing its id. The hold names
 * them as the page header does, and reads back after a reload; the page passes WCAG 2.1 AA checks.
 */
jest.setTimeout(120_000);

let stack: TestStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startTestStack();
  // No camera or microphone on this page: a plain headless Chromium (Debian's, as everywhere).
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  // An explicit context: axe-core/playwright needs one to analyse a page.
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.close();
});

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

/** Opens the privacy page, finds "jordan lee" by name and picks the result. */
async function pickJordan(): Promise<void> {
  await page.goto(`${stack.url}/privacy.html`);
  await page.getByText('Signed in as Supervisor').waitFor();
  await page.getByLabel('Customer name or conversation id').fill('jordan lee');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await byTestId('found-conversation').filter({ hasText: 'Jordan Lee' }).click();
}

it('finds the conversation by the customer name, sets a hold with a reason, and reads it back by name', async () => {
  await pickJordan();
  // The picked conversation is the demo's, though its id was never typed.
  expect(await byTestId('picked-conversation').locator('[data-testid="conversation-label"]').getAttribute('data-conversation-id')).toBe(stack.demo.conversationId);
  await expect(byTestId('hold-status').textContent()).resolves.toBe('Not on legal hold.');

  await page.getByLabel('Reason for the hold (required)').fill('Dispute #4411');
  await page.getByRole('button', { name: 'Set legal hold' }).click();
  await byTestId('legal-hold').and(page.locator('[data-on-hold="true"]')).waitFor();
  // One name per person: the header's "Supervisor", not the identity behind it.
  expect(await byTestId('hold-status').textContent()).toMatch(/^On legal hold since .+, set by Supervisor\. Reason: Dispute #4411$/);
  await expectNoViolations(page, 'privacy page, hold set');

  // Read back after a reload, again by name: the result says it is held, and so does the hold.
  await pickJordan();
  expect(await byTestId('found-conversation').filter({ hasText: 'Jordan Lee' }).textContent()).toContain('On legal hold');
  await byTestId('legal-hold').and(page.locator('[data-on-hold="true"]')).waitFor();
  expect(await byTestId('hold-status').textContent()).toContain('set by Supervisor. Reason: Dispute #4411');
  await expect(byTestId('audit-entry').filter({ hasText: 'Set a legal hold' }).first().textContent()).resolves.toContain('Supervisor');
  await expectNoViolations(page, 'privacy page, hold read back');
});
