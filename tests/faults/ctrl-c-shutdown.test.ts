import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../../src/adapters/local/janus/free-port';
import { launchParticipantBrowser, type ParticipantBrowser } from '../e2e/support/browser-participant';
import { makeFakeMedia } from '../e2e/support/janus-fake-media';
import { startStackProcess, type StackProcess } from './support/stack-process';

/**
 * Ctrl-C stops `npm start` within seconds whatever tabs are open (#23): the agent console and the
 * customer chat each hold a server-sent event stream, and the console's call holds a WebSocket to
 * Janus through the stack. Before the fix the stack printed "stopping …" and waited for the tabs.
 */
jest.setTimeout(120_000);

let work: string;
let stack: StackProcess | undefined;
const browsers: ParticipantBrowser[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 've-ctrl-c-'));
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

it('stops on SIGINT within a few seconds with a console (in a call) and a chat connected', async () => {
  stack = await startStackProcess({ dataDir: join(work, 'data'), port: await freePort() });
  const agent = await launchParticipantBrowser(makeFakeMedia(work, { name: 'agent', seconds: 5 }));
  const customer = await launchParticipantBrowser(makeFakeMedia(work, { name: 'customer', seconds: 5 }));
  browsers.push(agent, customer);

  await agent.page.goto(stack.agentUrl);
  await byTestId(agent.page, 'conversation-item').first().click();
  await byTestId(agent.page, 'escalate-button').click();
  await byTestId(agent.page, 'agent-call-status').and(agent.page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
  await customer.page.goto(stack.customerChatUrl);
  // The chat is live: its stream delivered the invitation the agent just sent.
  await byTestId(customer.page, 'join-link').last().waitFor({ timeout: 15_000 });

  const ms = await stack.interrupt(10_000);
  expect({ stoppedWithinMs: ms, output: ms === null ? stack.output() : '' }).toEqual({ stoppedWithinMs: expect.any(Number), output: '' });
  expect(ms).toBeLessThan(5_000);
  expect(stack.output()).toMatch(/SIGINT: stopping/);
  // The pages are still open: they were not what let it stop.
  expect(agent.page.isClosed() || customer.page.isClosed()).toBe(false);
});
