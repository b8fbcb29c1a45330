import type { Page } from 'playwright-core';
import type { TestStack } from '../support/test-stack';
import type { ParticipantBrowser } from './support/browser-participant';
import { startCallFixture, type CallFixture } from './support/call-fixture';

/**
 * The invitation card's states, as both sides see them in real browsers against the real stack:
 * live, then expired (on its own, no reload), replaced by a fresh link the agent sends from the
 * card, and ended when the agent ends the call.
 */
jest.setTimeout(120_000);

const LINK_TTL_SECONDS = 15;
let call: CallFixture;
let stack: TestStack;
let agent: ParticipantBrowser;
let customer: ParticipantBrowser;

beforeAll(async () => {
  call = await startCallFixture({ env: { RECORDING_ENABLED: 'false', LINK_TTL_SECONDS: String(LINK_TTL_SECONDS) } });
  ({ stack, agent, customer } = call);
});

afterAll(async () => {
  await call?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const cardStates = (page: Page) =>
  page.locator('[data-testid="link-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-state')));
const waitForStates = async (page: Page, expected: string[]) => {
  await page.waitForFunction(
    (want) => JSON.stringify([...document.querySelectorAll('[data-testid="link-card"]')].map((c) => c.getAttribute('data-state'))) === want,
    JSON.stringify(expected),
    { timeout: 20_000 },
  );
  expect(await cardStates(page)).toEqual(expected);
};

describe('invitation cards in the chat', () => {
  it('live, expired, replaced and ended, on both sides', async () => {
    await agent.page.goto(stack.demo.agentUrl);
    await byTestId(agent.page, 'conversation-item').first().click();
    await byTestId(agent.page, 'escalate-button').click();
    await byTestId(agent.page, 'agent-call-status').and(agent.page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
    await customer.page.goto(stack.demo.customerChatUrl);

    // Live: the customer has the way in, the agent a copy of the link.
    await waitForStates(customer.page, ['live']);
    await waitForStates(agent.page, ['live']);
    expect(await byTestId(customer.page, 'join-link').count()).toBe(1);
    expect(await byTestId(agent.page, 'copy-link-button').count()).toBe(1);

    // Expired: both cards turn by themselves; nobody is offered a link that no longer works.
    await waitForStates(customer.page, ['expired']);
    await waitForStates(agent.page, ['expired']);
    expect(await byTestId(customer.page, 'join-link').count()).toBe(0);
    expect(await byTestId(agent.page, 'copy-link-button').count()).toBe(0);
    expect(await byTestId(customer.page, 'link-state').textContent()).toMatch(/expired/);

    // The agent sends a fresh link from the expired card: the old one reads as replaced.
    await byTestId(agent.page, 'resend-link-button').click();
    await waitForStates(customer.page, ['replaced', 'live']);
    await waitForStates(agent.page, ['replaced', 'live']);
    expect(await byTestId(customer.page, 'join-link').count()).toBe(1);
    expect(await byTestId(customer.page, 'link-state').first().textContent()).toMatch(/newer invitation/);

    // Ended: the agent ends the call; every invitation of it says so, and the agent's panel goes away.
    await byTestId(agent.page, 'end-call-button').click();
    await waitForStates(customer.page, ['ended', 'ended']);
    await waitForStates(agent.page, ['ended', 'ended']);
    expect(await byTestId(customer.page, 'join-link').count()).toBe(0);
    expect(await byTestId(agent.page, 'copy-link-button').count()).toBe(0);
    await byTestId(agent.page, 'video-panel').waitFor({ state: 'detached', timeout: 10_000 });
  });
});
