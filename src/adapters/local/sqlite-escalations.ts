import type { Escalation } from '../../domain/escalation';
import type { EscalationStore } from '../../ports/escalation-store';
import { ensureSchema, type Db } from './db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS escalations (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  room_name TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  record_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS escalations_by_conversation ON escalations (conversation_id, status);
`;

/** Escalations as JSON records, with the columns we look them up by. */
export class SqliteEscalations implements EscalationStore {
  constructor(private readonly db: Db) {
    ensureSchema(db, SCHEMA);
  }

  async insert(e: Escalation): Promise<void> {
    this.db
      .prepare('INSERT INTO escalations (id, conversation_id, room_name, status, record_json) VALUES (?, ?, ?, ?, ?)')
      .run(e.id, e.conversationId, e.roomName, e.status, JSON.stringify(e));
  }

  async get(id: string): Promise<Escalation | null> {
    return this.one('SELECT record_json FROM escalations WHERE id = ?', id);
  }

  async findActiveByConversation(conversationId: string): Promise<Escalation | null> {
    return this.one(
      "SELECT record_json FROM escalations WHERE conversation_id = ? AND status = 'active' ORDER BY rowid DESC LIMIT 1",
      conversationId,
    );
  }

  async findByRoomName(roomName: string): Promise<Escalation | null> {
    return this.one('SELECT record_json FROM escalations WHERE room_name = ?', roomName);
  }

  async update(e: Escalation): Promise<void> {
    const { changes } = this.db
      .prepare('UPDATE escalations SET status = ?, record_json = ? WHERE id = ?')
      .run(e.status, JSON.stringify(e), e.id);
    if (changes !== 1) throw new Error(`escalation ${e.id} does not exist`);
  }

  private one(sql: string, arg: string): Escalation | null {
    const row = this.db.prepare(sql).get(arg) as { record_json: string } | undefined;
    return row ? (JSON.parse(row.record_json) as Escalation) : null;
  }
}
