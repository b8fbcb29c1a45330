import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Reading a conversation's legal hold over HTTP against the real local stack: supervisors only
 * (an agent gets 403), 404 for an unknown conversation, and the answer before and after a set and
 * a lift, with the closure (and the day its media goes) once the conversation is closed.
 */
jest.setTimeout(120_000);

let stack: TestStack;
let agent: string;
let supervisor: string;

beforeAll(async () => {
  stack = await startTestStack();
  agent = await stack.signIn('agent');
  supervisor = await stack.signIn('supervisor');
});
afterAll(() => stack?.close());

it('get: supervisors only, 404 when unknown, the hold in force before and after set and lift, the closure once closed', async () => {
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'Held chat' })).id;
  const get = (Token: string, id = conversationId) => stack.post('/legal-hold', { Token, conversationId: id, action: 'get' });

  const forbidden = await get(agent);
  expect(forbidden.status).toBe(403);
  expect(forbidden.body.error).toMatchObject({ code: 'supervisor_required' });
  expect((await stack.post('/legal-hold', { conversationId, action: 'get' })).status).toBe(401);
  const unknown = await get(supervisor, 'CHnobody');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error).toMatchObject({ code: 'conversation_not_found' });

  const before = await get(supervisor);
  expect(before.status).toBe(200);
  expect(before.body).toEqual({ conversationId, hold: null });

  const set = await stack.post('/legal-hold', { Token: supervisor, conversationId, action: 'set', reason: ' Dispute #4411 ' });
  expect(set.status).toBe(200);
  const held = await get(supervisor);
  expect(held.body).toEqual({ conversationId, hold: set.body.hold });
  expect(held.body.hold).toMatchObject({ conversationId, reason: 'Dispute #4411', setBy: expect.any(String), setAt: expect.any(String) });

  const closed = await stack.post('/close-conversation', { Token: supervisor, conversationId });
  expect(closed.status).toBe(200);
  const heldAndClosed = await get(supervisor);
  expect(heldAndClosed.body.hold).toEqual(set.body.hold);
  expect(heldAndClosed.body.closure).toMatchObject({ conversationId, closedAt: closed.body.closedAt, source: 'console', closedBy: expect.any(String) });
  // The policy's day (RETENTION_MEDIA_DAYS, 90 by default) after the close, which the hold defers.
  expect(Date.parse(heldAndClosed.body.closure.mediaDeletesAt) - Date.parse(closed.body.closedAt)).toBe(90 * 24 * 3600 * 1000);

  expect((await stack.post('/legal-hold', { Token: supervisor, conversationId, action: 'lift' })).status).toBe(200);
  const lifted = await get(supervisor);
  expect(lifted.body).toEqual({ conversationId, hold: null, closure: heldAndClosed.body.closure });

  // Reading is no action on the conversation: the audit trail has the set, the close and the lift only.
  const audit = await stack.post('/audit-log', { Token: supervisor, conversationId });
  expect(audit.body.entries.map((e: any) => e.action).sort()).toEqual(['conversation.closed', 'legal_hold.lifted', 'legal_hold.set']);
});
