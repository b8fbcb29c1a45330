import { sql, type Kysely } from 'kysely';
import type { Escalation } from '../../domain/escalation';
import type { EscalationStore } from '../../ports/escalation-store';
import type { StoreTables } from './schema';
import { jsonFieldLike } from './json-field-like';

const toEscalation = (row: { record_json: string } | undefined): Escalation | null =>
  row ? (JSON.parse(row.record_json) as Escalation) : null;

/** Escalations as JSON records, with the columns we look them up by. Same SQL on both engines. */
export class SqlEscalations implements EscalationStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async insert(e: Escalation): Promise<boolean> {
    const r = await this.db
      .insertInto('ve_escalations')
      .values({
        id: e.id,
        conversation_id: e.conversationId,
        room_name: e.roomName,
        status: e.status,
        created_at: e.createdAt,
        record_json: JSON.stringify(e),
      })
      // The partial unique index of migration 0007 (one active escalation per conversation).
      // A literal, not a parameter: SQLite matches the conflict target to the index only then.
      .onConflict((oc) => oc.column('conversation_id').where('status', '=', sql.lit('active')).doNothing())
      .executeTakeFirst();
    return (r.numInsertedOrUpdatedRows ?? 0n) === 1n;
  }

  async listActive(): Promise<Escalation[]> {
    const rows = await this.db
      .selectFrom('ve_escalations')
      .select('record_json')
      .where('status', '=', 'active')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.record_json) as Escalation);
  }

  async listByConversation(conversationId: string): Promise<Escalation[]> {
    const rows = await this.db
      .selectFrom('ve_escalations')
      .select('record_json')
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.record_json) as Escalation);
  }

  async findByCustomerIdentity(customerIdentity: string): Promise<Escalation[]> {
    // No column for it (erasure is rare): a LIKE over the JSON narrows, the exact compare decides.
    const rows = await this.db
      .selectFrom('ve_escalations')
      .select('record_json')
      .where(jsonFieldLike('customerIdentity', customerIdentity))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.record_json) as Escalation).filter((e) => e.customerIdentity === customerIdentity);
  }

  async get(id: string): Promise<Escalation | null> {
    return toEscalation(await this.db.selectFrom('ve_escalations').select('record_json').where('id', '=', id).executeTakeFirst());
  }

  async findActiveByConversation(conversationId: string): Promise<Escalation | null> {
    const row = await this.db
      .selectFrom('ve_escalations')
      .select('record_json')
      .where('conversation_id', '=', conversationId)
      .where('status', '=', 'active')
      // Newest first; SQLite's rowid is not portable, the creation time is.
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return toEscalation(row);
  }

  async findByRoomName(roomName: string): Promise<Escalation | null> {
    return toEscalation(
      await this.db.selectFrom('ve_escalations').select('record_json').where('room_name', '=', roomName).executeTakeFirst(),
    );
  }

  async update(e: Escalation): Promise<void> {
    const r = await this.db
      .updateTable('ve_escalations')
      .set({ status: e.status, record_json: JSON.stringify(e) })
      .where('id', '=', e.id)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) throw new Error(`escalation ${e.id} does not exist`);
  }
}
