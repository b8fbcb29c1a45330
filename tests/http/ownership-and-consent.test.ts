import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import { RECORDING_NOTICE } from '../../src/domain/consent';
import { LINK_MESSAGE_TYPE } from '../../src/core/escalate';
import { linkTokenOf, startTestStack, type TestStack } from '../support/test-stack';

/**
 * Who may enter a call, over HTTP against the real stack: only the owner (or a supervisor)
 * re-enters; a double click makes one call; a fresh link after expiry joins; a recorded call is
 * joined only with consent, which is stored.
 */
jest.setTimeout(60_000);

const LINK_TTL_SECONDS = 3;
let stack: TestStack;
let alex: string;

beforeAll(async () => {
  stack = await startTestStack({ LINK_TTL_SECONDS: String(LINK_TTL_SECONDS) });
  alex = await stack.signIn();
});
afterAll(async () => {
  await stack?.close();
});

const newConversation = async () => (await stack.backend.conversations.createConversation({ friendlyName: 'Ownership' })).id;
/** A second agent of the same contact center, signed by the stack's own key. */
const tokenFor = (identity: string, roles: ('agent' | 'supervisor')[]) => {
  const secret = JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8')).localAgentSecret as string;
  return new LocalIdentity(secret).issue({ identity, name: identity, roles });
};
const joinWith = (link: string, extra: Record<string, unknown>) =>
  stack.post('/customer-token', { linkToken: linkTokenOf(link), action: 'join', ...extra });
const consent = { consent: true, noticeVersion: RECORDING_NOTICE.version };

it("refuses a second agent on another agent's live call: no link, no media grant", async () => {
  const conversationId = await newConversation();
  const first = await stack.post('/escalate', { Token: alex, conversationId });
  expect(first.status).toBe(200);
  const bob = await stack.post('/escalate', { Token: await tokenFor('bob', ['agent']), conversationId });
  expect(bob.status).toBe(403);
  expect(bob.body.error.code).toBe('call_owned_by_another_agent');
  expect(JSON.stringify(bob.body)).not.toContain(linkTokenOf(first.body.customerLink));
  expect(bob.body.access).toBeUndefined();

  const supervisor = await stack.post('/escalate', { Token: await tokenFor('sam', ['supervisor']), conversationId });
  expect(supervisor.status).toBe(200);
  expect(supervisor.body.escalationId).toBe(first.body.escalationId);
});

it('a double click on Escalate yields one escalation and one link', async () => {
  const conversationId = await newConversation();
  const [a, b] = await Promise.all([1, 2].map(() => stack.post('/escalate', { Token: alex, conversationId })));
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(b.body.escalationId).toBe(a.body.escalationId);
  const links = (await stack.backend.conversations.listMessages(conversationId)).filter((m) => m.attributes.type === LINK_MESSAGE_TYPE);
  expect(links).toHaveLength(1);
  expect((await stack.backend.deps.escalations.listActive()).filter((e) => e.conversationId === conversationId)).toHaveLength(1);
});

it('re-escalating after the link expired gives a fresh link that joins', async () => {
  const conversationId = await newConversation();
  const first = await stack.post('/escalate', { Token: alex, conversationId });
  await new Promise((r) => setTimeout(r, LINK_TTL_SECONDS * 1000 + 200));
  expect((await joinWith(first.body.customerLink, consent)).body.error.code).toBe('link_expired');
  const again = await stack.post('/escalate', { Token: alex, conversationId });
  expect(again.status).toBe(200);
  expect(again.body.escalationId).toBe(first.body.escalationId);
  expect(again.body.customerLink).not.toBe(first.body.customerLink);
  expect(new Date(again.body.linkExpiresAt).getTime()).toBeGreaterThan(Date.now());
  const joined = await joinWith(again.body.customerLink, consent);
  expect(joined.status).toBe(200);
  expect(joined.body.access.role).toBe('customer');
});

it('refuses to join a recorded call without consent, and stores the consent it accepts', async () => {
  const conversationId = await newConversation();
  const { body } = await stack.post('/escalate', { Token: alex, conversationId });
  const refused = await joinWith(body.customerLink, {});
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ code: 'consent_required', message: expect.stringMatching(/recorded/) });
  expect((await joinWith(body.customerLink, { consent: 'false', noticeVersion: RECORDING_NOTICE.version })).status).toBe(403);
  expect((await joinWith(body.customerLink, { consent: true, noticeVersion: 'an-old-notice' })).body.error.code).toBe('notice_changed');

  const joined = await stack.post(
    '/customer-token',
    { linkToken: linkTokenOf(body.customerLink), action: 'join', ...consent },
    { 'User-Agent': 'ConsentTest/1.0' },
  );
  expect(joined.status).toBe(200);
  const records = await stack.backend.deps.consents.listByEscalation(body.escalationId);
  expect(records.find((r) => r.role === 'customer')).toMatchObject({
    participantIdentity: joined.body.access.identity,
    noticeVersion: RECORDING_NOTICE.version,
    noticeText: RECORDING_NOTICE.text,
    userAgent: 'ConsentTest/1.0',
    consentedAt: expect.any(String),
  });
});
