import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Finding a conversation by its customer over HTTP against the real local stack (#23): a staff
 * token is required (401), supervisors only (an agent gets 403), a clear 400 for a missing, blank
 * or oversized query, and the demo's "Jordan Lee" found by part of the name, in any case, or by id.
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

it('supervisors only, bad input is a 400, and the answer names the conversation with its closure and hold', async () => {
  expect((await stack.post('/find-conversations', { query: 'jordan' })).status).toBe(401);
  const forbidden = await stack.post('/find-conversations', { Token: agent, query: 'jordan' });
  expect([forbidden.status, forbidden.body.error?.code]).toEqual([403, 'supervisor_required']);
  for (const body of [{}, { query: '   ' }, { query: 'x'.repeat(401) }, { query: 7 }, { query: 'jordan', limit: 0 }, { query: 'jordan', limit: 'many' }]) {
    expect([body, (await stack.post('/find-conversations', { Token: supervisor, ...body })).status]).toEqual([body, 400]);
  }

  const found = await stack.post('/find-conversations', { Token: supervisor, query: 'jORDAN l' });
  expect(found.status).toBe(200);
  expect(found.body).toEqual({
    conversations: [{ conversationId: expect.any(String), customerName: 'Jordan Lee', agentName: null, startedAt: expect.any(String), closed: false, onHold: false }],
    more: false,
  });
  const { conversationId } = found.body.conversations[0];
  await stack.post('/legal-hold', { Token: supervisor, conversationId, action: 'set', reason: 'Dispute #4411' });
  const byId = await stack.post('/find-conversations', { Token: supervisor, query: conversationId });
  expect(byId.body.conversations).toEqual([{ ...found.body.conversations[0], onHold: true }]);
});
