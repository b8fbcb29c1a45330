import { agent, makeTestDeps, supervisor } from '../test-support/local-deps';
import { closeConversation } from './close-conversation';
import { getLegalHold, liftLegalHold, setLegalHold } from './legal-hold';
import { codeOf } from '../test-support/code-of';

describe('reading a legal hold', () => {
  it('is for supervisors, knows only real conversations, and answers the hold in force and the closure', async () => {
    const t = await makeTestDeps({ RETENTION_MEDIA_DAYS: '30' });
    const { id: conversationId } = await t.conversations.createConversation({ friendlyName: 'Chat' });
    expect(await codeOf(getLegalHold(t.deps, agent, { conversationId }))).toBe('403 supervisor_required');
    expect(await codeOf(getLegalHold(t.deps, supervisor, { conversationId: 'CHnobody' }))).toBe('404 conversation_not_found');

    // Open and not held: no closure at all.
    expect(await getLegalHold(t.deps, supervisor, { conversationId })).toEqual({ conversationId, hold: null });

    await setLegalHold(t.deps, supervisor, { conversationId, reason: ' case 42 ' });
    t.advance(3600);
    await closeConversation(t.deps, supervisor, { conversationId });
    expect(await getLegalHold(t.deps, supervisor, { conversationId })).toEqual({
      conversationId,
      hold: { conversationId, reason: 'case 42', setBy: 'sue', setByName: 'Sue', setAt: '2026-11-21T10:00:00.000Z' },
      closure: { conversationId, closedAt: '2026-11-21T11:00:00.000Z', closedBy: 'sue', source: 'console', mediaDeletesAt: '2026-12-21T11:00:00.000Z' },
    });

    await liftLegalHold(t.deps, supervisor, { conversationId });
    const after = await getLegalHold(t.deps, supervisor, { conversationId });
    expect(after.hold).toBeNull();
    expect(after.closure?.mediaDeletesAt).toBe('2026-12-21T11:00:00.000Z');
    // Reading is not an action on the conversation: the audit holds the set, the close and the lift only.
    expect((await t.deps.privacy.listAudit({ conversationId })).map((e) => e.action).sort()).toEqual(['conversation.closed', 'legal_hold.lifted', 'legal_hold.set']);
  });
});

describe('naming who acted', () => {
  it("stores the person's display name beside the identity on the hold and on every audit entry they cause", async () => {
    const t = await makeTestDeps();
    const { id: conversationId } = await t.conversations.createConversation({ friendlyName: 'Chat' });
    const { hold } = await setLegalHold(t.deps, supervisor, { conversationId, reason: 'case 42' });
    expect(hold).toMatchObject({ setBy: 'sue', setByName: 'Sue' });
    await liftLegalHold(t.deps, supervisor, { conversationId });
    await closeConversation(t.deps, supervisor, { conversationId });
    // A later close by someone else returns the first: its audit entry keeps the first closer's name.
    await closeConversation(t.deps, { identity: 'sol', name: 'Sol', roles: ['supervisor'] }, { conversationId });
    const audit = await t.deps.privacy.listAudit({ conversationId });
    expect(audit.map((e) => [e.action, e.actor, e.actorName])).toEqual([
      ['conversation.closed', 'sue', 'Sue'],
      ['legal_hold.lifted', 'sue', 'Sue'],
      ['legal_hold.set', 'sue', 'Sue'],
    ]);
  });
});
