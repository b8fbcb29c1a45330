/**
 * Closures (settled ones: 0014), legal holds and the audit log (migration 0013), one contract on both engines:
 * embedded SQLite and a private PostgreSQL cluster, each on a fresh database opened twice.
 */
import { CompiledQuery, sql } from 'kysely';
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
    // CH-race closed at 3:00 or 3:01, whichever racer won: the bound takes either.
    const due = await opened.other.privacy.listUnsettled(at(3, 1), 10);
    expect(due.map((c) => c.conversationId)).toEqual(['CH0', 'CH1', 'CH-race']);
    expect((await opened.other.privacy.listUnsettled(at(2), 10)).map((c) => c.conversationId)).toEqual(['CH0', 'CH1']);
    expect((await opened.other.privacy.listUnsettled(at(9), 2)).map((c) => c.conversationId)).toEqual(['CH0', 'CH1']);
    const page2 = await opened.other.privacy.listUnsettled(at(9), 2, { closedAt: at(1), conversationId: 'CH1' });
    expect(page2.map((c) => c.conversationId)).toEqual(['CH-race', 'CH5']);
    expect(await opened.other.privacy.listUnsettled(at(0, -1), 10)).toEqual([]);
  });

  it('a settled closure is listed no more (paging skips it too) until every settled one is reopened', async () => {
    const list = async (limit = 10, after?: { closedAt: string; conversationId: string }) =>
      (await opened.other.privacy.listUnsettled(at(9), limit, after)).map((c) => c.conversationId);
    await opened.store.privacy.markSettled('CH1', at(8));
    await opened.other.privacy.markSettled('CH1', at(9));
    await opened.store.privacy.markSettled('CH-none', at(8));
    expect(await list()).toEqual(['CH0', 'CH-race', 'CH5']);
    expect(await list(1, { closedAt: at(0), conversationId: 'CH0' })).toEqual(['CH-race']);
    // Settling changes nothing else of the closure, and records no closure for an unknown conversation.
    expect(await opened.other.privacy.getClosure('CH1')).toEqual(closure('CH1', at(1)));
    expect(await opened.store.privacy.getClosure('CH-none')).toBeNull();
    await opened.store.privacy.markSettled('CH5', at(8));
    expect(await list()).toEqual(['CH0', 'CH-race']);
    expect(await opened.other.privacy.reopenSettled()).toBe(2);
    expect(await opened.store.privacy.reopenSettled()).toBe(0);
    expect(await list()).toEqual(['CH0', 'CH1', 'CH-race', 'CH5']);
  });

  it('the sweep lists unsettled closures through the partial index, not by scanning every closure', async () => {
    const query = opened.store.db
      .selectFrom('ve_conversation_closures')
      .selectAll()
      .where('settled_at', 'is', null)
      .where('closed_at', '<=', at(9))
      .orderBy('closed_at')
      .orderBy('conversation_id')
      .limit(10)
      .compile();
    const plan =
      engine === 'sqlite'
        ? await opened.store.db.executeQuery(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))
        : // PostgreSQL would scan a table this small: ask for its plan with scans priced out.
          await opened.store.db.transaction().execute(async (tx) => {
            await sql`set local enable_seqscan = off`.execute(tx);
            return tx.executeQuery(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
          });
    expect(JSON.stringify(plan.rows)).toContain('ve_conversation_closures_unsettled');
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

  it("a hold and an audit entry keep the person's display name beside the identity (0015); older rows have none", async () => {
    await opened.store.privacy.setHold({ conversationId: 'CH-named', reason: 'case 7', setBy: 'alex-supervisor', setByName: 'Alex Morgan', setAt: at(4) });
    expect(await opened.other.privacy.getHold('CH-named')).toEqual({ conversationId: 'CH-named', reason: 'case 7', setBy: 'alex-supervisor', setByName: 'Alex Morgan', setAt: at(4) });
    await opened.store.privacy.setHold({ conversationId: 'CH-named', reason: 'case 8', setBy: 'sol', setAt: at(5) });
    expect(await opened.other.privacy.getHold('CH-named')).toEqual({ conversationId: 'CH-named', reason: 'case 8', setBy: 'sol', setAt: at(5) });
    expect(await opened.store.privacy.liftHold('CH-named')).toEqual({ conversationId: 'CH-named', reason: 'case 8', setBy: 'sol', setAt: at(5) });
    const named: AuditEntry = { id: 'n1', at: at(4), actor: 'alex-supervisor', actorName: 'Alex Morgan', action: 'legal_hold.set', conversationId: 'CH-named', details: { reason: 'case 7' } };
    await opened.store.privacy.appendAudit(named);
    expect(await opened.other.privacy.listAudit({ conversationId: 'CH-named' })).toEqual([named]);
  });
});
