import { randomUUID } from 'node:crypto';
import type { Attributes, Conversation, ConversationMessage } from '../../domain/conversation';
import type { ConversationsPort, NewMessage } from '../../ports/conversations';
import { mergeAttributes } from '../../core/merge-attributes';
import { ensureSchema, type Db } from './db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  friendly_name TEXT NOT NULL,
  attributes_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  attributes_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation_id, seq);
-- Every change, in order: how pages in another process learn of it (server-sent events).
CREATE TABLE IF NOT EXISTS conversation_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'conversation')),
  payload_json TEXT NOT NULL
);
`;

export interface ConversationEvent {
  seq: number;
  conversationId: string;
  kind: 'message' | 'conversation';
  payload: ConversationMessage | Conversation;
}

interface ConversationRow {
  id: string;
  friendly_name: string;
  attributes_json: string;
  created_at: string;
}
interface MessageRow {
  id: string;
  conversation_id: string;
  author: string;
  body: string;
  attributes_json: string;
  created_at: string;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  friendlyName: r.friendly_name,
  attributes: JSON.parse(r.attributes_json) as Attributes,
  createdAt: r.created_at,
});
const toMessage = (r: MessageRow): ConversationMessage => ({
  id: r.id,
  conversationId: r.conversation_id,
  author: r.author,
  body: r.body,
  attributes: JSON.parse(r.attributes_json) as Attributes,
  createdAt: r.created_at,
});

/** Local stand-in for Twilio Conversations: conversations, messages with attributes, and a change feed. */
export class SqliteConversations implements ConversationsPort {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    ensureSchema(db, SCHEMA);
  }

  createConversation(input: { friendlyName: string; attributes?: Attributes; id?: string }): Conversation {
    const conversation: Conversation = {
      id: input.id ?? `CH${randomUUID().replace(/-/g, '')}`,
      friendlyName: input.friendlyName,
      attributes: input.attributes ?? {},
      createdAt: this.now().toISOString(),
    };
    this.db
      .prepare('INSERT INTO conversations (id, friendly_name, attributes_json, created_at) VALUES (?, ?, ?, ?)')
      .run(conversation.id, conversation.friendlyName, JSON.stringify(conversation.attributes), conversation.createdAt);
    return conversation;
  }

  list(): Conversation[] {
    const rows = this.db.prepare('SELECT * FROM conversations ORDER BY created_at DESC').all() as ConversationRow[];
    return rows.map(toConversation);
  }

  async get(conversationId: string): Promise<Conversation | null> {
    const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(conversationId) as
      | ConversationRow
      | undefined;
    return row ? toConversation(row) : null;
  }

  async postMessage(conversationId: string, message: NewMessage): Promise<ConversationMessage> {
    const saved: ConversationMessage = {
      id: `IM${randomUUID().replace(/-/g, '')}`,
      conversationId,
      author: message.author,
      body: message.body,
      attributes: message.attributes ?? {},
      createdAt: this.now().toISOString(),
    };
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(conversationId)) {
        throw new Error(`conversation ${conversationId} does not exist`);
      }
      this.db
        .prepare(
          'INSERT INTO messages (id, conversation_id, author, body, attributes_json, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(saved.id, conversationId, saved.author, saved.body, JSON.stringify(saved.attributes), saved.createdAt);
      this.recordEvent(conversationId, 'message', saved);
    })();
    return saved;
  }

  async listMessages(conversationId: string): Promise<ConversationMessage[]> {
    const rows = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq')
      .all(conversationId) as MessageRow[];
    return rows.map(toMessage);
  }

  async findMessageByAttribute(conversationId: string, key: string, value: string): Promise<ConversationMessage | null> {
    const row = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? AND json_extract(attributes_json, ?) = ? ORDER BY seq LIMIT 1')
      .get(conversationId, `$."${key.replace(/"/g, '')}"`, value) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  async mergeAttributes(conversationId: string, patch: Attributes): Promise<Attributes> {
    // IMMEDIATE: take the write lock before reading, so a writer in another process cannot interleave.
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(conversationId) as
          | ConversationRow
          | undefined;
        if (!row) throw new Error(`conversation ${conversationId} does not exist`);
        const merged = mergeAttributes(JSON.parse(row.attributes_json) as Attributes, patch);
        this.db.prepare('UPDATE conversations SET attributes_json = ? WHERE id = ?').run(JSON.stringify(merged), conversationId);
        this.recordEvent(conversationId, 'conversation', toConversation({ ...row, attributes_json: JSON.stringify(merged) }));
        return merged;
      })
      .immediate();
  }

  /** Changes after `afterSeq`, oldest first; `conversationId` narrows to one conversation. */
  eventsSince(afterSeq: number, conversationId?: string, limit = 200): ConversationEvent[] {
    const rows = (
      conversationId
        ? this.db
            .prepare('SELECT * FROM conversation_events WHERE seq > ? AND conversation_id = ? ORDER BY seq LIMIT ?')
            .all(afterSeq, conversationId, limit)
        : this.db.prepare('SELECT * FROM conversation_events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit)
    ) as { seq: number; conversation_id: string; kind: 'message' | 'conversation'; payload_json: string }[];
    return rows.map((r) => ({
      seq: r.seq,
      conversationId: r.conversation_id,
      kind: r.kind,
      payload: JSON.parse(r.payload_json) as ConversationMessage | Conversation,
    }));
  }

  latestEventSeq(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM conversation_events').get() as { seq: number };
    return row.seq;
  }

  private recordEvent(conversationId: string, kind: ConversationEvent['kind'], payload: unknown): void {
    this.db
      .prepare('INSERT INTO conversation_events (conversation_id, kind, payload_json) VALUES (?, ?, ?)')
      .run(conversationId, kind, JSON.stringify(payload));
  }
}
