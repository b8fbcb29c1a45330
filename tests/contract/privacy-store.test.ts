/**
 * Closures, legal holds and the audit log (migration 0013), one contract on both engines:
 * embedded SQLite and a private PostgreSQL cluster, each on a fresh database opened twice.
 */
import type { SqlEngine } from '../../src/adapters/sql/database';
import type { AuditEntry, ConversationClosure } from '../../src/domain/privacy';
import { openTwoConnections, type TwoConnections } from './support/two-connections';

const at = (day: number, minute = 0): string => new Date(Date.UTC(2026, 10, day, 9, minute)).toISOString();

const closure = (conversationId: string, closedAt: string, over: Partial<ConversationClosure> = {}): ConversationClosure => ({
  conversationId,
  closedAt,
  closedBy: 'alex',
  source: 'console',
  ...over,
});

describe.each<SqlEngine>(['sqlite', 'postgres'])('privacy store on %s', (engine) => {
  let opened: TwoConnections;
  beforeAll(async () => {
    opened = await openTwoConnections(engine, 'privacy');
  }, 60_000);
  afterAll(() => opened?.close());

  it('the first close wins: a later close, even from another connection, returns the first', async () => {
    const first = closure('CH1', at(1));
    expect(await opened.store.privacy.close(first)).toEqual(first);
    expect(await opened.other.privacy.close(closure('CH1', at(2), { closedBy: 'sue', source: 'conversation_webhook' }))).toEqual(first);
    expect(await opened.other.privacy.getClosure('CH1')).toEqual(first);
    expect(await opened.store.privacy.getClosure('CH-none')).toBeNull();
  });

  it('two racing closes of one conversation keep exactly one', async () => {
    const [a, b] = await Promise.all([
      opened.store.privacy.close(closure('CH-race', at(3), { closedBy: 'a' })),
      opened.other.privacy.close(closure('CH-race', at(3, 1), { closedBy: 'b' })),
    ]);
    expect(a).toEqual(b);
    expect(['a', 'b']).toContain(a.closedBy);
  });

  it('lists closures due by a time, oldest first, up to the limit, page after page', async () => {
    await opened.store.privacy.close(closure('CH0', at(0)));
    await opened.store.privacy.close(closure('CH5', at(5)));
    const due = await opened.other.privacy.listClosedBefore(at(3), 10);
    expect(due.map((c) => c.conversationId)).toEqual(['CH0', 'CH1', 'CH-race']);
    expect((await opened.other.privacy.listClosedBefore(at(9), 2)).map((c) => c.conversationId)).toEqual(['CH0', 'CH1']);
    const page2 = await opened.other.privacy.listClosedBefore(at(9), 2, { closedAt: at(1), conversationId: 'CH1' });
    expect(page2.map((c) => c.conversationId)).toEqual(['CH-race', 'CH5']);
    expect(await opened.other.privacy.listClosedBefore(at(0, -1), 10)).toEqual([]);
  });

  it('holds are set, replaced (reason and setter), listed and lifted once', async () => {
    await opened.store.privacy.setHold({ conversationId: 'CH1', reason: 'lawsuit 12', setBy: 'sue', setAt: at(4) });
    await opened.other.privacy.setHold({ conversationId: 'CH1', reason: 'lawsuit 12 and 13', setBy: 'sol', setAt: at(5) });
    await opened.store.privacy.setHold({ conversationId: 'CH0', reason: 'audit', setBy: 'sue', setAt: at(6) });
    const replaced = { conversationId: 'CH1', reason: 'lawsuit 12 and 13', setBy: 'sol', setAt: at(5) };
    expect(await opened.store.privacy.getHold('CH1')).toEqual(replaced);
    expect((await opened.store.privacy.listHolds()).map((h) => h.conversationId)).toEqual(['CH1', 'CH0']);
    const lifts = await Promise.all([opened.store.privacy.liftHold('CH1'), opened.other.privacy.liftHold('CH1')]);
    expect(lifts.filter((l) => l !== null)).toEqual([replaced]);
    expect(await opened.store.privacy.getHold('CH1')).toBeNull();
    expect(await opened.store.privacy.liftHold('CH1')).toBeNull();
    expect((await opened.other.privacy.listHolds()).map((h) => h.conversationId)).toEqual(['CH0']);
  });

  it('the audit log reads back newest first, by conversation, with details intact, even in one millisecond; an id appended twice stays once', async () => {
    const entry = (id: string, conversationId: string | undefined, over: Partial<AuditEntry> = {}): AuditEntry => ({
      id,
      at: at(7),
      actor: 'system:retention',
      action: 'retention.media_deleted',
      ...(conversationId ? { conversationId } : {}),
      ...over,
    });
    await opened.store.privacy.appendAudit(entry('a1', 'CH1', { actor: 'sue', action: 'legal_hold.set', details: { reason: 'lawsuit' } }));
    await opened.other.privacy.appendAudit(entry('a2', 'CH1', { subject: 'RE1', details: { mediaFiles: 3, pii: false } }));
    await opened.store.privacy.appendAudit(entry('a3', undefined, { action: 'erasure.performed', subject: 'customer:bob' }));
    await opened.other.privacy.appendAudit(entry('a4', 'CH2'));
    expect((await opened.store.privacy.listAudit({})).map((e) => e.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(await opened.store.privacy.listAudit({ conversationId: 'CH1' })).toEqual([
      entry('a2', 'CH1', { subject: 'RE1', details: { mediaFiles: 3, pii: false } }),
      entry('a1', 'CH1', { actor: 'sue', action: 'legal_hold.set', details: { reason: 'lawsuit' } }),
    ]);
    expect((await opened.other.privacy.listAudit({ limit: 1 })).map((e) => e.id)).toEqual(['a4']);
    // A resumed step appends the same id again: the first entry stays, once.
    await opened.other.privacy.appendAudit(entry('a1', 'CH9'));
    expect((await opened.store.privacy.listAudit({})).map((e) => e.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(await opened.store.privacy.listAudit({ conversationId: 'CH9' })).toEqual([]);
  });
});
