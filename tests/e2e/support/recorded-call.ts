import type { Page } from 'playwright-core';
import type { CallFixture } from './call-fixture';
import { waitForFrames } from './media-probes';

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * A real recorded call as the product runs it: the agent escalates the conversation from the
 * console (the one named, or the first listed), the customer opens the link in their chat,
 * consents and joins; it resolves once the agent sees the customer's video.
 */
export async function startRecordedCall(call: CallFixture, o: { conversationName?: string; customerChatUrl?: string } = {}): Promise<void> {
  const { agent, customer, stack } = call;
  await agent.page.goto(stack.demo.agentUrl);
  const items = byTestId(agent.page, 'conversation-item');
  await (o.conversationName ? items.filter({ hasText: o.conversationName }) : items.first()).click();
  await byTestId(agent.page, 'escalate-button').click();
  await customer.page.goto(o.customerChatUrl ?? stack.demo.customerChatUrl);
  const joinLink = byTestId(customer.page, 'join-link').last();
  await joinLink.waitFor({ timeout: 15_000 });
  await joinLink.click();
  await byTestId(customer.page, 'consent-checkbox').check();
  await byTestId(customer.page, 'join-button').click();
  await waitForFrames(agent.page, 'agent-remote-video');
}
