/**
 * #20 on the real local stack, at its HTTP boundary: chat messages from the customer's chat and the
 * agent's console are counted (never their text) and read by the suggestion rules; resolving posts
 * the survey, whose answers are kept once; the dashboard and the exports answer supervisors only;
 * and the CRM receiver example, configured through OUTBOUND_WEBHOOKS, gets `ticket.resolved` and
 * `csat.received` signed, once each, from the stack's own delivery loop.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createReceiver } from '../../examples/crm-receiver/receiver';
import { startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(90_000);

const SECRET = 'receiver-secret-for-the-local-stack-0123456789';
let stack: TestStack;
let receiver: Server;
const logged: { event: string; type: string }[] = [];

beforeAll(async () => {
  receiver = createReceiver({ secrets: [SECRET], log: (line) => logged.push(JSON.parse(line)) });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;
  stack = await startTestStack({
    OUTBOUND_WEBHOOKS: JSON.stringify([{ id: 'crm', url, secret: SECRET, types: ['ticket.resolved', 'csat.received'] }]),
    OUTBOUND_DELIVER_INTERVAL_MS: '200',
  });
});
afterAll(async () => {
  await stack?.close();
  await new Promise((r) => receiver?.close(r));
});

const chatToken = async () => new URL(await stack.customerChatUrl(stack.demo.conversationId)).hash.replace(/^#t=/, '');
const until = async <T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

it('counts both sides, raises a suggestion, resolves with a survey answered once, and tells the CRM once each', async () => {
  const id = stack.demo.conversationId;
  const customer = { Authorization: `Bearer ${await chatToken()}` };
  const agent = await stack.signIn('agent');
  const supervisor = await stack.signIn('supervisor');

  expect((await stack.post('/api/local/chat/messages', { body: 'I honestly cannot describe what the invoice screen does' }, customer)).status).toBe(201);
  expect((await stack.post(`/api/local/conversations/${id}/messages`, { body: 'Let me look' }, { Authorization: `Bearer ${agent}` })).status).toBe(201);
  const events = (await stack.backend.deps.supportEvents.list(id)).map((r) => r.event);
  expect(events).toEqual([
    { kind: 'message', side: 'customer', hasMedia: false },
    { kind: 'suggestion_shown', reasons: ['hard_to_explain'] },
    { kind: 'message', side: 'agent', hasMedia: false },
  ]);
  const suggestion = await stack.post('/support-ticket', { Token: agent, action: 'suggestion', conversationId: id });
  expect(suggestion.body.suggestion.reasons).toEqual(['hard_to_explain']);

  // Resolve: one survey in the chat, its link in the body.
  const resolved = await stack.post('/resolve-ticket', { Token: agent, conversationId: id, source: 'agent' });
  expect(resolved.status).toBe(200);
  const survey = (await stack.backend.conversations.listMessages(id)).filter((m) => m.attributes.type === 'support-survey');
  expect(survey).toHaveLength(1);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/survey\.html#t=[\w.-]+)/.exec(survey[0]!.body)?.[1];
  expect(link).toBeDefined();
  const linkToken = new URL(link!).hash.replace(/^#t=/, '');

  // Answers once: a second answer changes nothing.
  expect((await stack.post('/survey', { action: 'answer', linkToken, solved: true, score: 4 })).status).toBe(200);
  await stack.post('/survey', { action: 'answer', linkToken, solved: false, score: 1 });
  const answers = (await stack.backend.deps.supportEvents.list(id)).map((r) => r.event).filter((e) => e.kind === 'csat' || e.kind === 'confirmed');
  expect(answers).toEqual([
    { kind: 'confirmed', solved: true },
    { kind: 'csat', score: 4 },
  ]);

  // The CRM hears of each fact once, signed (the receiver refuses anything unsigned).
  await until('both events at the receiver', async () => logged.length >= 2);
  await new Promise((r) => setTimeout(r, 600)); // a few more delivery rounds: nothing more may come
  expect(logged.map((l) => l.type).sort()).toEqual(['csat.received', 'ticket.resolved']);

  // The dashboard and the export: supervisors only.
  const today = new Date();
  const range = { from: new Date(today.getTime() - 86_400_000).toISOString(), to: new Date(today.getTime() + 86_400_000).toISOString() };
  expect((await stack.post('/insights', { Token: agent, ...range })).status).toBe(403);
  const report = await stack.post('/insights', { Token: supervisor, ...range });
  expect(report.status).toBe(200);
  const metric = (key: string) => report.body.metrics.find((m: { key: string }) => m.key === key)?.value;
  expect([metric('tickets'), metric('resolution_rate'), metric('csat'), metric('suggestions_shown')]).toEqual([1, 1, 4, 1]);
  const csv = await fetch(`${stack.url}/insights-export?format=csv&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`, {
    headers: { Authorization: `Bearer ${supervisor}` },
  });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines[0]!.split(',')[0]).toBe('conversation_id');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(id);
  expect((await fetch(`${stack.url}/insights-export?format=csv&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`, { headers: { Authorization: `Bearer ${agent}` } })).status).toBe(403);
});
