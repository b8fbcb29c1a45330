import type { Page } from 'playwright-core';
import type { TestStack } from '../../tests/support/test-stack';
import { waitForFrames } from '../../tests/e2e/support/media-probes';
import { readMarks } from './page-marks';

export interface StackSample {
  /** Agent's click on Escalate → the panel says connected (agent page clock). */
  agentConnectedMs: number;
  /** Customer's navigation to the link → first decoded remote frame (customer page clock). */
  customerFirstFrameMs: number;
  /** Customer's navigation → join clicked: link check, page load and camera/mic open. */
  customerJoinClickMs: number;
  via: string;
  /** Cross-check from this process: goto() called → mark seen (includes CDP polling latency). */
  customerWallMs: number;
  /** End clicked → recording pipeline finished (waited for, so it never overlaps a measurement). */
  pipelineMs: number;
  conversationId: string;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const FINISHED = new Set(['attached', 'failed', 'skipped']);

/** Fresh conversation, fresh escalation, customer joins, call ended, pipeline settled. */
export async function stackSample(
  stack: TestStack,
  agent: Page,
  customer: Page,
  index: number,
  /** How long the call runs once both sides see each other, before the agent presses End. */
  holdMs = 0,
): Promise<StackSample> {
  const name = `Bench call ${index}`;
  const conversation = await stack.backend.conversations.createConversation({ friendlyName: name, attributes: { bench: true } });
  const chatUrl = await stack.customerChatUrl(conversation.id);

  // The console lists conversations once, on load: reload it so the new one is there.
  await agent.goto(stack.demo.agentUrl);
  await byTestId(agent, 'conversation-item').filter({ hasText: name }).click();
  await agent.locator('main h2', { hasText: name }).waitFor({ timeout: 10_000 });
  await byTestId(agent, 'escalate-button').click();
  const agentMarks = await readMarks(agent, 'agentConnected', 20_000, () => agent.locator('main').innerText());
  const clickedAt = agentMarks.marks.escalateClick;
  if (clickedAt === undefined) throw new Error('the escalate click never reached the agent page');
  const agentConnectedMs = agentMarks.marks.agentConnected - clickedAt;

  await customer.goto(chatUrl);
  const link = byTestId(customer, 'join-link').last();
  await link.waitFor({ timeout: 10_000 });
  const href = await link.getAttribute('href');
  if (!href) throw new Error('join link without href');
  // The probe ticks consent and clicks Join the moment each is possible.
  const openedAt = performance.now();
  await customer.goto(href);
  const customerMarks = await readMarks(customer, 'firstFrame', 30_000, () => customer.locator('body').innerText());
  const customerWallMs = performance.now() - openedAt;
  // A whole call: the agent sees the customer too.
  await waitForFrames(agent, 'agent-remote-video', 20_000);
  if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));

  const ending = agent.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/end-call', {
    timeout: 20_000,
  });
  await byTestId(agent, 'end-call-button').click();
  const endedAt = Date.now();
  const ended = await ending;
  if (!ended.ok()) throw new Error(`POST /end-call answered ${ended.status()}: ${(await ended.text()).slice(0, 300)}`);
  await customer.waitForFunction(() => /ended/i.test(document.querySelector('[data-testid="call-status"]')?.textContent ?? ''), undefined, {
    timeout: 15_000,
  });
  // The agent's side has ended too: the panel says so, or (the console) has closed it.
  await agent
    .waitForFunction(
      () => !document.querySelector('[data-testid="video-panel"]') || !!document.querySelector('[data-testid="agent-call-status"][data-reason]'),
      undefined,
      { timeout: 15_000 },
    )
    .catch(async (e: Error) => {
      throw new Error(`the agent's panel never said the call ended (${e.message.split('\n')[0]}); it shows: ${(await agent.locator('main').innerText()).slice(0, 400)}`);
    });
  await waitForPipeline(stack, conversation.id, 120_000 + 2 * holdMs);

  return {
    agentConnectedMs,
    customerFirstFrameMs: customerMarks.marks.firstFrame,
    customerJoinClickMs: customerMarks.marks.joinClick ?? NaN,
    via: customerMarks.firstFrameVia ?? '?',
    customerWallMs,
    pipelineMs: Date.now() - endedAt,
    conversationId: conversation.id,
  };
}

async function waitForPipeline(stack: TestStack, conversationId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // end-call enqueues the job before it answers: one still missing after a while never comes.
  const appearBy = Date.now() + 10_000;
  let states: string[] = [];
  while (Date.now() < deadline) {
    states = (await stack.backend.pipeline.deps.store.listByConversation(conversationId)).map((j) => j.state);
    if (states.length > 0 && states.every((s) => FINISHED.has(s))) return;
    if (states.length === 0 && Date.now() > appearBy) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(
    states.length === 0
      ? `no recording job for ${conversationId} although /end-call answered OK`
      : `recording pipeline for ${conversationId} not finished within ${timeoutMs} ms (jobs: ${states.join(', ')})`,
  );
}
