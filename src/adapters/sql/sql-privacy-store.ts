import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry, CloseSource, ConversationClosure, ConversationMatch, LegalHold } from '../../domain/privacy';
import type { PrivacyStore } from '../../ports/privacy-store';
import type { AuditLogTable, ClosuresTable, LegalHoldsTable, StoreTables } from './schema';
import { findConversations } from './sql-conversation-finder';

const toClosure = (r: Selectable<ClosuresTable>): ConversationClosure => ({
  conversationId: r.conversation_id,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  source: r.source as CloseSource,
});

const toHold = (r: Selectable<LegalHoldsTable>): LegalHold => ({
  conversationId: r.conversation_id,
  reason: r.reason,
  setBy: r.set_by,
  ...(r.set_by_name !== null ? { setByName: r.set_by_name } : {}),
  setAt: r.set_at,
});

const toAudit = (r: Selectable<AuditLogTable>): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  ...(r.actor_name !== null ? { actorName: r.actor_name } : {}),
  action: r.action as AuditEntry['action'],
  ...(r.conversation_id !== null ? { conversationId: r.conversation_id } : {}),
  ...(r.subject !== null ? { subject: r.subject } : {}),
  ...(r.details_json !== null ? { details: JSON.parse(r.details_json) as AuditEntry['details'] } : {}),
});

/** Closures, legal holds and the audit log (migration 0013). */
export class SqlPrivacyStore implements PrivacyStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  /** Insert-or-nothing on the primary key: of two racing closes the database keeps the first. */
  async close(c: ConversationClosure): Promise<ConversationClosure> {
    await this.db
      .insertInto('ve_conversation_closures')
      .values({ conversation_id: c.conversationId, closed_at: c.closedAt, closed_by: c.closedBy, source: c.source })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .execute();
    const kept = await this.getClosure(c.conversationId);
    if (!kept) throw new Error(`closure of ${c.conversationId} vanished`);
    return kept;
  }

  async getClosure(conversationId: string): Promise<ConversationClosure | null> {
    const row = await this.db.selectFrom('ve_conversation_closures').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return row ? toClosure(row) : null;
  }

  /** `settled_at is null` as the partial index (0014) says it, so both engines read that index. */
  async listUnsettled(before: string, limit: number, after?: Pick<ConversationClosure, 'closedAt' | 'conversationId'>): Promise<ConversationClosure[]> {
    let q = this.db.selectFrom('ve_conversation_closures').selectAll().where('settled_at', 'is', null).where('closed_at', '<=', before);
    if (after) {
      q = q.where((eb) =>
        eb.or([eb('closed_at', '>', after.closedAt), eb.and([eb('closed_at', '=', after.closedAt), eb('conversation_id', '>', after.conversationId)])]),
      );
    }
    const rows = await q
      .orderBy('closed_at')
      .orderBy('conversation_id')
      .limit(limit)
      .execute();
    return rows.map(toClosure);
  }

  async markSettled(conversationId: string, at: string): Promise<void> {
    await this.db
      .updateTable('ve_conversation_closures')
      .set({ settled_at: at })
      .where('conversation_id', '=', conversationId)
      .where('settled_at', 'is', null)
      .execute();
  }

  async reopenSettled(): Promise<number> {
    const r = await this.db.updateTable('ve_conversation_closures').set({ settled_at: null }).where('settled_at', 'is not', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async setHold(h: LegalHold): Promise<void> {
    const values = { reason: h.reason, set_by: h.setBy, set_by_name: h.setByName ?? null, set_at: h.setAt };
    await this.db
      .insertInto('ve_legal_holds')
      .values({ conversation_id: h.conversationId, ...values })
      .onConflict((oc) => oc.column('conversation_id').doUpdateSet(values))
      .execute();
  }

  /** DELETE … RETURNING on both engines (SQLite ≥ 3.35): two racing lifts return the hold once. */
  async liftHold(conversationId: string): Promise<LegalHold | null> {
    const row = await this.db.deleteFrom('ve_legal_holds').where('conversation_id', '=', conversationId).returningAll().executeTakeFirst();
    return row ? toHold(row) : null;
  }

  async getHold(conversationId: string): Promise<LegalHold | null> {
    const row = await this.db.selectFrom('ve_legal_holds').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    return row ? toHold(row) : null;
  }

  async listHolds(): Promise<LegalHold[]> {
    const rows = await this.db.selectFrom('ve_legal_holds').selectAll().orderBy('set_at').orderBy('conversation_id').execute();
    return rows.map(toHold);
  }

  async appendAudit(e: AuditEntry): Promise<void> {
    await this.db
      .insertInto('ve_audit_log')
      .values({
        id: e.id,
        at: e.at,
        actor: e.actor,
        actor_name: e.actorName ?? null,
        action: e.action,
        conversation_id: e.conversationId ?? null,
        subject: e.subject ?? null,
        details_json: e.details ? JSON.stringify(e.details) : null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async listAudit(filter: { conversationId?: string; limit?: number }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('ve_audit_log').selectAll();
    if (filter.conversationId !== undefined) q = q.where('conversation_id', '=', filter.conversationId);
    const rows = await q.orderBy('seq', 'desc').limit(filter.limit ?? 100).execute();
    return rows.map(toAudit);
  }

  findConversations(filter: { query: string; limit: number }): Promise<ConversationMatch[]> {
    return findConversations(this.db, filter);
  }
}
