import type { Page } from 'playwright-core';
import { MESSAGE_TYPES } from '../../src/domain/message-types';
import { startCallFixture, type CallFixture } from '../e2e/support/call-fixture';
import { waitForFrames } from '../e2e/support/media-probes';

/**
 * Nobody presses End: the agent closes the tab mid-call while the customer waits. The room still
 * ends on its own (Janus keeps a closed tab's session for its 30 s reclaim window, then the
 * no-agent timeout runs), the waiting customer is told, and the recording is still processed.
 */
jest.setTimeout(180_000);

const EMPTY_TIMEOUT_SECONDS = 5;
const JANUS_RECLAIM_SECONDS = 30;
let call: CallFixture;

beforeAll(async () => {
  call = await startCallFixture({ env: { ROOM_EMPTY_TIMEOUT_SECONDS: String(EMPTY_TIMEOUT_SECONDS) } });
});
afterAll(async () => {
  await call?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

it('a call whose agent closed the tab ends by itself, the customer is told, and its recording is processed', async () => {
  const { stack, agent, customer } = call;
  await agent.page.goto(stack.demo.agentUrl);
  await byTestId(agent.page, 'conversation-item').first().click();
  await byTestId(agent.page, 'escalate-button').click();
  await byTestId(agent.page, 'agent-call-status').and(agent.page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
  await customer.page.goto(stack.demo.customerChatUrl);
  await byTestId(customer.page, 'join-link').last().click();
  await byTestId(customer.page, 'consent-checkbox').check();
  await byTestId(customer.page, 'join-button').click();
  await waitForFrames(agent.page, 'agent-remote-video');
  await customer.page.waitForTimeout(6_000);

  await agent.close(); // the agent's tab (and browser) goes away without ending the call
  const leftAt = Date.now();

  const [escalation] = await stack.backend.deps.escalations.listActive();
  expect(escalation).toBeDefined();
  let ended = escalation;
  const limit = leftAt + (JANUS_RECLAIM_SECONDS + EMPTY_TIMEOUT_SECONDS + 15) * 1000;
  while (ended.status !== 'ended' && Date.now() < limit) {
    await new Promise((r) => setTimeout(r, 500));
    ended = (await stack.backend.deps.escalations.get(escalation.id)) ?? ended;
  }
  expect(ended).toMatchObject({ status: 'ended', endedBy: 'system' });
  expect(await stack.backend.rooms.isOpen({ name: ended.roomName, sid: ended.roomSid })).toBe(false);
  await customer.page.waitForFunction(
    () => /ended/i.test(document.querySelector('[data-testid="call-status"]')?.textContent ?? ''),
    undefined,
    { timeout: 15_000 },
  );

  const recorded = async () =>
    (await stack.backend.conversations.listMessages(ended.conversationId)).filter((m) => m.attributes.type === MESSAGE_TYPES.recording);
  const deadline = Date.now() + 90_000;
  while ((await recorded()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
  const [message] = await recorded();
  expect(message.attributes).toMatchObject({ escalationId: escalation.id, durationSeconds: expect.any(Number) });
  expect(message.attributes.durationSeconds as number).toBeGreaterThan(3);
  expect(await recorded()).toHaveLength(1);
});
