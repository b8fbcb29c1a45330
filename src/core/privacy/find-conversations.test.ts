import { agent, makeTestDeps, supervisor } from '../test-support/local-deps';
import { codeOf } from '../test-support/code-of';
import { findConversations } from './find-conversations';
import { setLegalHold } from './legal-hold';

describe('finding a conversation by its customer', () => {
  it('is for supervisors and admins only: an agent gets a 403 and learns nothing', async () => {
    const t = await makeTestDeps();
    await t.conversations.createConversation({ friendlyName: 'Chat', attributes: { customerName: 'Jordan Lee' } });
    const search = { query: 'jordan' };
    expect(await codeOf(findConversations(t.deps, agent, search))).toBe('403 supervisor_required');
    expect(await codeOf(findConversations(t.deps, { ...agent, roles: [] }, search))).toBe('403 supervisor_required');
    expect((await findConversations(t.deps, { ...agent, roles: ['admin'] }, search)).conversations).toHaveLength(1);
  });

  it('needs something to look for; finds by name or id with the hold in force, and bounds the list', async () => {
    const t = await makeTestDeps();
    expect(await codeOf(findConversations(t.deps, supervisor, { query: '  ' }))).toBe('400 query_required');
    expect(await codeOf(findConversations(t.deps, supervisor, { query: 'x'.repeat(201) }))).toBe('400 query_too_long');
    const { id } = await t.conversations.createConversation({ friendlyName: 'Chat', attributes: { customerName: 'Jordan Lee' } });
    await setLegalHold(t.deps, supervisor, { conversationId: id, reason: 'case 42' });
    const expected = { conversationId: id, customerName: 'Jordan Lee', agentName: null, startedAt: '2026-11-21T10:00:00.000Z', closed: false, onHold: true };
    expect(await findConversations(t.deps, supervisor, { query: ' LEE ' })).toEqual({ conversations: [expected], more: false });
    expect(await findConversations(t.deps, supervisor, { query: id })).toEqual({ conversations: [expected], more: false });
    for (let i = 0; i < 55; i++) {
      t.advance(60);
      await t.conversations.createConversation({ friendlyName: 'Chat', attributes: { customerName: `Jordan ${i}` } });
    }
    const first = await findConversations(t.deps, supervisor, { query: 'jordan' });
    expect([first.conversations.length, first.more]).toEqual([20, true]);
    const most = await findConversations(t.deps, supervisor, { query: 'jordan', limit: 500 });
    expect([most.conversations.length, most.more]).toEqual([50, true]);
    const all = await findConversations(t.deps, supervisor, { query: 'jordan', limit: 50 });
    expect(all.conversations[0].customerName).toBe('Jordan 54');
    expect((await findConversations(t.deps, supervisor, { query: 'jordan 5' })).more).toBe(false);
  });
});
