import { agent, makeTestDeps, supervisor } from '../test-support/local-deps';
import { classifyTwilioMessage } from './classify-twilio-message';
import { noteMessage } from './note-message';
import { supportTicket } from './support-ticket';

async function ticket(name = 'Dana') {
  const t = await makeTestDeps();
  const conversationId = (await t.conversations.createConversation({ friendlyName: 'Chat', attributes: { customerName: name } })).id;
  return { ...t, conversationId };
}

const kinds = async (t: Awaited<ReturnType<typeof ticket>>) => (await t.deps.supportEvents.list(t.conversationId)).map((r) => r.event);

test('a message is counted without its text; hard-to-explain words raise one suggestion, named and templated for the agent', async () => {
  const t = await ticket();
  await noteMessage(t.deps, t.conversationId, { side: 'customer', hasMedia: false, text: "honestly it's hard to explain what the screen does" });
  await noteMessage(t.deps, t.conversationId, { side: 'customer', hasMedia: false, text: 'I really cannot describe it' });
  const events = await kinds(t);
  expect(events.filter((e) => e.kind === 'suggestion_shown')).toHaveLength(1); // one waiting suggestion at a time
  expect(JSON.stringify(events)).not.toMatch(/screen does|describe/);

  const answer = await supportTicket(t.deps, agent, { action: 'suggestion', conversationId: t.conversationId });
  expect(answer).toMatchObject({ action: 'suggestion', suggestion: { reasons: ['hard_to_explain'] } });
  const suggestion = answer.action === 'suggestion' ? answer.suggestion! : null;
  expect(suggestion!.messages.clip).toMatch(/^Hi Dana, it sounds like this might be easier to explain visually/);
  expect(suggestion!.explanation).toEqual(['The customer finds it hard to put into words.']);

  // Dismissed: gone, counted; later hard words do not bring it back, but asking for video does.
  expect(await supportTicket(t.deps, agent, { action: 'dismiss', conversationId: t.conversationId })).toEqual({ action: 'dismiss', dismissed: true });
  await noteMessage(t.deps, t.conversationId, { side: 'customer', hasMedia: false, text: "it's so hard to explain" });
  expect(await supportTicket(t.deps, agent, { action: 'suggestion', conversationId: t.conversationId })).toEqual({ action: 'suggestion', suggestion: null });
  await noteMessage(t.deps, t.conversationId, { side: 'customer', hasMedia: false, text: 'can we do a video call so I can show you?' });
  const again = await supportTicket(t.deps, agent, { action: 'suggestion', conversationId: t.conversationId });
  expect(again.action === 'suggestion' && again.suggestion?.reasons).toEqual(['asked_for_video']);
});

test('the agent joining is noted once with their zone and team; the facts count the ticket', async () => {
  const t = await ticket();
  await supportTicket(t.deps, agent, { action: 'joined', conversationId: t.conversationId, timeZone: 'America/Chicago', team: 'Billing' });
  await supportTicket(t.deps, agent, { action: 'joined', conversationId: t.conversationId, timeZone: 'America/Chicago' });
  await noteMessage(t.deps, t.conversationId, { side: 'agent', hasMedia: false });
  const events = await kinds(t);
  expect(events.filter((e) => e.kind === 'agent_joined')).toEqual([{ kind: 'agent_joined', agent: 'alex', team: 'Billing' }]);
  expect(events.filter((e) => e.kind === 'time_zone')).toEqual([{ kind: 'time_zone', side: 'agent', zone: 'America/Chicago' }]);
  expect(await supportTicket(t.deps, agent, { action: 'facts', conversationId: t.conversationId })).toMatchObject({ action: 'facts', facts: { agentMessages: 1, videoUsed: false } });
});

test('Twilio messages: our own posts count for nobody, the agent who took the ticket is the agent, SMS authors are customers', async () => {
  const t = await ticket();
  await supportTicket(t.deps, agent, { action: 'joined', conversationId: t.conversationId });
  const classify = (m: Parameters<typeof classifyTwilioMessage>[2]) => classifyTwilioMessage(t.deps, t.conversationId, m);
  expect(await classify({ author: 'alex' })).toEqual({ side: 'agent', hasMedia: false });
  expect(await classify({ author: 'web-visitor', media: '[{"Sid":"ME1"}]' })).toEqual({ side: 'customer', hasMedia: true });
  expect(await classify({ author: 'alex', source: 'SMS' })).toEqual({ side: 'customer', hasMedia: false });
  expect(await classify({ author: 'Alex', attributes: '{"type":"video-escalation-link"}' })).toBeNull();
  expect(await classify({ author: 'x', attributes: 'not json', media: 'not json' })).toEqual({ side: 'customer', hasMedia: false });
});

test('only staff reach a ticket, and only an existing one', async () => {
  const t = await ticket();
  const customer = { identity: 'c', name: 'C', roles: [] };
  await expect(supportTicket(t.deps, customer, { action: 'facts', conversationId: t.conversationId })).rejects.toMatchObject({ code: 'role_required' });
  await expect(supportTicket(t.deps, supervisor, { action: 'facts', conversationId: 'nope' })).rejects.toMatchObject({ code: 'conversation_not_found' });
});
