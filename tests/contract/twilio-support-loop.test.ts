/**
 * The support loop on Twilio, as deployed (bundled Functions under twilio-run, real PostgreSQL,
 * the strict fake Twilio): the signed Conversations `onMessageAdded` webhook (the service's one Post-Event URL, /conversation-state) counts chat messages
 * per side (twilio.com/docs/conversations/conversations-webhooks lists its form parameters:
 * EventType, ConversationSid, Author, Body, Attributes, Media, Source, …); an unsigned one counts
 * nothing; our own posts (invitations, recordings) count for nobody; a customer's "hard to
 * explain" words raise a suggestion the agent reads through /support-ticket; accepting it sends the
 * seed's template through /offer-clip; and the ticket's facts (for Flex Insights at completion)
 * come back from /support-ticket.
 */
import { openPostgresStore, type SqlStore } from '../../src/adapters/sql/database';
import type { Resource } from '../support/fake-twilio';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';

jest.setTimeout(120_000);

let stack: TwilioStack;
let store: SqlStore;
beforeAll(async () => {
  stack = await startTwilioStack({ worker: false });
  store = await openPostgresStore(stack.databaseUrl);
});
afterAll(async () => {
  await store?.close();
  await stack?.close();
});

const AGENT = 'flex-support-agent-token';
const messagesOf = (sid: string): Resource[] => stack.fake.state.messages.get(sid) ?? [];

const added = (sid: string, over: Record<string, string>) => ({
  EventType: 'onMessageAdded',
  AccountSid: stack.fake.accountSid,
  ConversationSid: sid,
  MessageSid: `IM${'0'.repeat(31)}${Math.floor(Math.random() * 10)}`,
  Index: '0',
  Author: 'customer-web-1',
  Body: 'hello',
  Attributes: '{}',
  Source: 'SDK',
  DateCreated: new Date().toISOString(),
  ...over,
});

it('signed onMessageAdded webhooks count messages per side; forged ones and our own posts count nothing', async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const sid = String(fake.seedConversation({ friendlyName: 'Webchat with Dana', attributes: { customerName: 'Dana' } }).sid);

  // Flex: the task is accepted; the plugin says so with the agent's zone.
  const joined = await stack.post('support-ticket', { Token: AGENT, action: 'joined', conversationId: sid, timeZone: 'Europe/Berlin', team: 'Tier 2' });
  expect(joined).toMatchObject({ status: 200, body: { action: 'joined', suggestion: null } });

  expect((await stack.webhook('conversation-state', added(sid, { Body: 'my printer will not print' }))).body).toEqual({ counted: true, side: 'customer' });
  expect((await stack.webhook('conversation-state', added(sid, { Author: 'alex', Body: 'Which model is it?' }))).body).toEqual({ counted: true, side: 'agent' });
  expect((await stack.webhook('conversation-state', added(sid, { Body: 'photo', Media: JSON.stringify([{ Sid: 'ME1', ContentType: 'image/png' }]) }))).body).toEqual({
    counted: true,
    side: 'customer',
  });
  // Our own invitation (its type) counts for nobody; a forged signature is refused and counts nothing.
  expect((await stack.webhook('conversation-state', added(sid, { Author: 'Alex', Attributes: JSON.stringify({ type: 'video-clip-request' }) }))).body).toEqual({ counted: false });
  expect((await stack.webhook('conversation-state', added(sid, {}), { signature: 'forged' })).status).toBe(403);
  // Another event type on the same URL is acknowledged, not counted.
  expect((await stack.webhook('conversation-state', added(sid, { EventType: 'onMessageUpdated' }))).body).toEqual({ ignored: 'onMessageUpdated' });

  const kinds = (await store.supportEvents.list(sid)).map((r) => r.event);
  expect(kinds.filter((e) => e.kind === 'message')).toEqual([
    { kind: 'message', side: 'customer', hasMedia: false },
    { kind: 'message', side: 'agent', hasMedia: false },
    { kind: 'message', side: 'customer', hasMedia: true },
  ]);
  expect(kinds).toContainEqual({ kind: 'agent_joined', agent: 'alex', team: 'Tier 2' });
  expect(kinds).toContainEqual({ kind: 'time_zone', side: 'agent', zone: 'Europe/Berlin' });
  // No text of any message is in the log.
  expect(JSON.stringify(kinds)).not.toMatch(/printer|model/);
});

it("a customer's hard-to-explain words raise a suggestion; accepting it sends the seed's template with the link, counted as accepted", async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const sid = String(fake.seedConversation({ friendlyName: 'Webchat with Robin', attributes: { customerName: 'Robin' } }).sid);
  await stack.post('support-ticket', { Token: AGENT, action: 'joined', conversationId: sid });
  await stack.webhook('conversation-state', added(sid, { Body: "It's really hard to explain, the menu does something weird when I click it" }));

  const asked = await stack.post('support-ticket', { Token: AGENT, action: 'suggestion', conversationId: sid });
  expect(asked.status).toBe(200);
  const suggestion = asked.body.suggestion;
  expect(suggestion.reasons).toContain('hard_to_explain');
  expect(suggestion.messages.clip).toMatch(/Robin/);
  expect(suggestion.messages.clip).toMatch(/easier to explain visually/);
  expect(suggestion.messages.clip).toMatch(/No app install needed/);
  expect(suggestion.messages.clip).toMatch(/up to 3 minutes/);

  const offered = await stack.post('offer-clip', { Token: AGENT, conversationId: sid, viaSuggestion: true, message: suggestion.messages.clip });
  expect(offered.status).toBe(200);
  const request = messagesOf(sid).at(-1)!;
  expect(String(request.body)).toBe(`${suggestion.messages.clip} Record it here: ${offered.body.url}`);
  // Accepted: nothing is waiting any more, and the log says how video was offered.
  expect((await stack.post('support-ticket', { Token: AGENT, action: 'suggestion', conversationId: sid })).body.suggestion).toBeNull();
  const events = (await store.supportEvents.list(sid)).map((r) => r.event);
  expect(events).toContainEqual({ kind: 'video_offered', medium: 'clip', viaSuggestion: true });
  expect(events).toContainEqual({ kind: 'suggestion_accepted', medium: 'clip' });

  const facts = await stack.post('support-ticket', { Token: AGENT, action: 'facts', conversationId: sid });
  expect(facts.body).toEqual({
    action: 'facts',
    facts: { videoUsed: false, calls: 0, callSeconds: 0, customerClips: 0, agentClips: 0, clipSeconds: 0, customerMessages: 1, agentMessages: 0, csat: null, resolved: false },
  });
  // A link of the agent's own in the words is refused: the signed link is the only link.
  expect((await stack.post('offer-clip', { Token: AGENT, conversationId: sid, message: 'see https://evil.example' })).status).toBe(400);
});
