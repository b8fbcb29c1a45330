import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../../src/adapters/local/janus/free-port';
import { MESSAGE_TYPES } from '../../src/domain/message-types';
import { launchParticipantBrowser, type ParticipantBrowser } from '../e2e/support/browser-participant';
import { makeFakeMedia } from '../e2e/support/janus-fake-media';
import { waitForFrames } from '../e2e/support/media-probes';
import { startStackProcess, type StackProcess } from './support/stack-process';
import { messageTranscript } from '../support/message-transcript';

/**
 * A power cut mid-call: `npm start`'s stack, Janus and twilio-run are SIGKILLed after about ten
 * seconds of speech, then started again the same way. Nothing recorded is lost, nothing stays stuck.
 */
jest.setTimeout(240_000);

let work: string;
let dataDir: string;
let port: number;
let stack: StackProcess | undefined;
const browsers: ParticipantBrowser[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 've-crash-'));
  dataDir = join(work, 'data');
  port = await freePort();
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${stack?.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

it('a call killed mid-way is ended on restart, its salvaged recording is processed once, and the conversation escalates again', async () => {
  stack = await startStackProcess({ dataDir, port });
  const agent = await launchParticipantBrowser(makeFakeMedia(work, { name: 'agent', seconds: 20 }));
  const customer = await launchParticipantBrowser(
    makeFakeMedia(work, { name: 'customer', pattern: 'smptebars', seconds: 20, speech: 'My printer shows a paper jam error. I removed the paper but the light keeps blinking.' }),
  );
  browsers.push(agent, customer);

  await agent.page.goto(stack.agentUrl);
  await byTestId(agent.page, 'conversation-item').first().click();
  await byTestId(agent.page, 'escalate-button').click();
  await byTestId(agent.page, 'agent-call-status').and(agent.page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
  await customer.page.goto(stack.customerChatUrl);
  await byTestId(customer.page, 'join-link').last().click();
  await byTestId(customer.page, 'consent-checkbox').check();
  await byTestId(customer.page, 'join-button').click();
  await waitForFrames(customer.page, 'remote-video');
  await waitForFrames(agent.page, 'agent-remote-video');
  await customer.page.waitForTimeout(10_000); // about ten seconds of speech on the record

  await stack.killHard();
  const recordings = join(dataDir, 'recordings');
  const interrupted = readdirSync(recordings, { recursive: true }).filter((f) => String(f).endsWith('.mjr.tmp'));
  expect(interrupted.length).toBeGreaterThan(0); // Janus never closed its files: this is what is salvaged

  stack = await startStackProcess({ dataDir, port });
  const token = (await api('/api/local/sign-in', { body: { role: 'agent' } })).body.token as string;
  const [conversation] = (await api('/api/local/conversations', { token })).body.conversations as Array<{ id: string }>;
  const messages = async () =>
    ((await api(`/api/local/conversations/${conversation.id}/messages`, { token })).body.messages as Array<{ attributes: Record<string, any> }>).map(
      (m) => m.attributes,
    );

  // The call is ended by the restart itself, and the recording comes from the salvaged files.
  const deadline = Date.now() + 150_000;
  let recorded: Record<string, any>[] = [];
  while (Date.now() < deadline) {
    recorded = (await messages()).filter((a) => a.type === MESSAGE_TYPES.recording && a.transcriptStatus === 'ready');
    if (recorded.length) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const all = await messages();
  expect(all.filter((a) => a.type === MESSAGE_TYPES.ended)).toHaveLength(1);
  expect(all.filter((a) => a.type === MESSAGE_TYPES.recordingFailed)).toEqual([]);
  expect(recorded).toHaveLength(1);
  expect(all.filter((a) => a.type === MESSAGE_TYPES.recording)).toHaveLength(1);
  expect(recorded[0].durationSeconds).toBeGreaterThan(5);
  const words = (await messageTranscript(stack!.url, token, recorded[0])).map((s) => s.text).join(' ');
  expect(words.length).toBeGreaterThan(0);

  // Nothing stuck: the same conversation escalates to a new call whose link checks out.
  const again = await api('/escalate', { body: { Token: token, conversationId: conversation.id } });
  expect(again.status).toBe(200);
  expect(again.body.reused).toBe(false);
  const linkToken = new URL(again.body.customerLink).hash.replace(/^#t=/, '');
  const check = await api('/customer-token', { body: { linkToken, action: 'check' } });
  expect(check.status).toBe(200);
  expect(check.body.inUse).toBe(false);
});
