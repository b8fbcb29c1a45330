import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CustomerLinks } from '../../src/core/customer-link';
import { linkTokenOf, type TestStack } from '../support/test-stack';
import type { ParticipantBrowser } from './support/browser-participant';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { waitForFrames } from './support/media-probes';

/**
 * What a customer meets besides the happy path, in a real browser against the real stack:
 * a second tab, bad links, and a call with recording turned off.
 */
jest.setTimeout(120_000);

let call: CallFixture;
let stack: TestStack;
let customer: ParticipantBrowser;
let agentToken: string;

beforeAll(async () => {
  call = await startCallFixture({ env: { RECORDING_ENABLED: 'false' } });
  ({ stack, customer } = call);
  agentToken = await stack.signIn();
});

afterAll(async () => {
  await call?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const connected = (page: Page) => byTestId(page, 'call-status').and(page.locator('[data-state="connected"]'));

async function escalateNewConversation() {
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Edge cases' })).id;
  const res = await stack.post('/escalate', { Token: agentToken, conversationId });
  expect(res.status).toBe(200);
  return { conversationId, link: res.body.customerLink as string, escalationId: res.body.escalationId as string, roomName: res.body.roomName as string };
}

describe('customer link edge cases', () => {
  it('a second tab is offered to move the call, and the first tab is told why it left', async () => {
    const { link, escalationId } = await escalateNewConversation();
    const first = await customer.browser.newPage();
    await first.goto(link);
    // Recording is off: nothing to consent to, Join is available at once.
    await byTestId(first, 'join-button').waitFor();
    expect(await byTestId(first, 'consent-checkbox').count()).toBe(0);
    await byTestId(first, 'join-button').click();
    await connected(first).waitFor({ timeout: 20_000 });

    const second = await customer.browser.newPage();
    await second.goto(link);
    const moveHere = byTestId(second, 'move-here-button');
    await moveHere.waitFor({ timeout: 10_000 });
    expect(await second.textContent('body')).toMatch(/already open in another tab/i);
    // The first tab is untouched until the customer chooses.
    await second.waitForTimeout(1000);
    expect(await connected(first).count()).toBe(1);

    await moveHere.click();
    await connected(second).waitFor({ timeout: 20_000 });
    await first.waitForFunction(
      () => /another tab or device/i.test(document.querySelector('[data-testid="call-status"]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    expect(await connected(second).count()).toBe(1);

    await stack.post('/end-call', { Token: agentToken, escalationId });
    await second.waitForFunction(
      () => /ended/i.test(document.querySelector('[data-testid="call-status"]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    await first.close();
    await second.close();
  });

  it.each([
    ['forged', /not valid/i],
    ['tampered', /not valid/i],
    ['expired', /expired/i],
    ['replaced', /replaced/i],
    ['missing', /incomplete/i],
  ])('a %s link gets a page that says so and what to do next', async (kind, title) => {
    const { link } = await escalateNewConversation();
    const token = linkTokenOf(link);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const secret = JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8')).linkSigningSecret as string;
    const sign = (key: string, changes: { expiresAt?: Date; linkId?: string } = {}) =>
      new CustomerLinks(key, stack.url).sign({
        escalationId: claims.esc,
        conversationId: claims.conv,
        roomName: claims.room,
        customerIdentity: claims.sub,
        linkId: changes.linkId ?? claims.jti,
        expiresAt: changes.expiresAt ?? new Date(Date.now() + 3600_000),
      });
    const urls: Record<string, () => Promise<string>> = {
      forged: async () => `${stack.url}/join.html#t=${await sign('z'.repeat(40))}`,
      tampered: async () => `${stack.url}/join.html#t=${token.slice(0, -4)}AAAA`,
      expired: async () => `${stack.url}/join.html#t=${await sign(secret, { expiresAt: new Date(Date.now() - 60_000) })}`,
      replaced: async () => `${stack.url}/join.html#t=${await sign(secret, { linkId: 'an-older-link' })}`,
      missing: async () => `${stack.url}/join.html`,
    };
    const page = await customer.browser.newPage();
    await page.goto(await urls[kind]());
    const heading = byTestId(page, 'error-title');
    await heading.waitFor({ timeout: 10_000 });
    expect(await heading.textContent()).toMatch(title);
    // Each page says what to do next, and offers no way into the call.
    expect((await page.textContent('main, body'))?.length ?? 0).toBeGreaterThan((await heading.textContent())!.length + 20);
    expect(await byTestId(page, 'join-button').count()).toBe(0);
    await page.close();
  });

  it('a call with recording off keeps no media, and the pipeline records that fact', async () => {
    const { link, escalationId, roomName, conversationId } = await escalateNewConversation();
    const page = await customer.browser.newPage();
    await page.goto(link);
    await byTestId(page, 'join-button').click();
    await connected(page).waitFor({ timeout: 20_000 });
    await waitForFrames(page, 'local-video').catch(() => undefined);
    await page.waitForTimeout(1500);
    expect(await byTestId(page, 'recording-indicator').count()).toBe(0); // nothing claims a recording
    await stack.post('/end-call', { Token: agentToken, escalationId });
    await page.close();

    const recordingsDir = join(stack.dataDir, 'recordings', roomName);
    const files = existsSync(recordingsDir) ? readdirSync(recordingsDir) : [];
    expect(files).toEqual([]);
    let skipped: unknown[] = [];
    for (let i = 0; i < 40 && skipped.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      skipped = (await stack.backend.conversations.listMessages(conversationId)).filter(
        (m) => m.attributes.type === 'video-recording-skipped',
      );
    }
    expect(skipped).toHaveLength(1);
    const types = (await stack.backend.conversations.listMessages(conversationId)).map((m) => m.attributes.type);
    expect(types).not.toContain('video-recording');
  });
});
