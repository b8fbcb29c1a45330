import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Attributes, Conversation, ConversationMessage } from '../../domain/conversation';
import type { ConversationsPort, NewMessage } from '../../ports/conversations';
import { mergeAttributes } from '../../core/merge-attributes';
import type { ConversationsTable, ConversationMessagesTable, SqlEngine, StoreTables } from './schema';

/** One entry of the change feed: what the local server streams to pages as server-sent events. */
export interface ConversationEvent {
  seq: number;
  conversationId: string;
  kind: 'message' | 'conversation';
  payload: ConversationMessage | Conversation;
}

const toConversation = (r: Selectable<ConversationsTable>): Conversation => ({
  id: r.id,
  friendlyName: r.friendly_name,
  attributes: JSON.parse(r.attributes_json) as Attributes,
  createdAt: r.created_at,
});
const toMessage = (r: Pick<Selectable<ConversationMessagesTable>, 'id' | 'conversation_id' | 'author' | 'body' | 'attributes_json' | 'created_at'>): ConversationMessage => ({
  id: r.id,
  conversationId: r.conversation_id,
  author: r.author,
  body: r.body,
  attributes: JSON.parse(r.attributes_json) as Attributes,
  createdAt: r.created_at,
});

const MESSAGE_COLUMNS = ['id', 'conversation_id', 'author', 'body', 'attributes_json', 'created_at'] as const;

/**
 * Local stand-in for Twilio Conversations: conversations, messages with attributes, and a change
 * feed, on either engine. Writes that record a change run in a transaction that first takes the
 * next feed number (see migration 0004): that serialises them, so the feed's order is commit order.
 *
 * Nothing inside a transaction awaits anything but the database. On the SQLite handle the local
 * adapters share, a transaction therefore finishes before any other task runs, and no raw write
 * on the same handle (Janus grants) can land inside it.
 */
export class SqlConversations implements ConversationsPort {
  constructor(
    private readonly db: Kysely<StoreTables>,
    private readonly engine: SqlEngine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createConversation(input: { friendlyName: string; attributes?: Attributes; id?: string }): Promise<Conversation> {
    const conversation: Conversation = {
      id: input.id ?? `CH${randomUUID().replace(/-/g, '')}`,
      friendlyName: input.friendlyName,
      attributes: input.attributes ?? {},
      createdAt: this.now().toISOString(),
    };
    await this.db
      .insertInto('ve_conversations')
      .values({
        id: conversation.id,
        friendly_name: conversation.friendlyName,
        attributes_json: JSON.stringify(conversation.attributes),
        created_at: conversation.createdAt,
      })
      .execute();
    return conversation;
  }

  /** Newest first (ties: id, descending). */
  async list(): Promise<Conversation[]> {
    const rows = await this.db.selectFrom('ve_conversations').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toConversation);
  }

  async get(conversationId: string): Promise<Conversation | null> {
    const row = await this.db.selectFrom('ve_conversations').selectAll().where('id', '=', conversationId).executeTakeFirst();
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
    await this.db.transaction().execute(async (trx) => {
      const seq = await nextSeq(trx);
      const exists = await trx.selectFrom('ve_conversations').select('id').where('id', '=', conversationId).executeTakeFirst();
      if (!exists) throw new Error(`conversation ${conversationId} does not exist`);
      await trx
        .insertInto('ve_conversation_messages')
        .values({
          seq,
          id: saved.id,
          conversation_id: conversationId,
          author: saved.author,
          body: saved.body,
          attributes_json: JSON.stringify(saved.attributes),
          created_at: saved.createdAt,
        })
        .execute();
      await recordEvent(trx, seq, conversationId, 'message', saved);
    });
    return saved;
  }

  /** Oldest first. */
  async listMessages(conversationId: string): Promise<ConversationMessage[]> {
    const rows = await this.db
      .selectFrom('ve_conversation_messages')
      .select(MESSAGE_COLUMNS)
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
    return rows.map(toMessage);
  }

  /**
   * The oldest message whose top-level attribute `key` is the string `value`. Compared in code,
   * not with the engines' different JSON operators, so both engines match exactly alike.
   */
  async findMessageByAttribute(conversationId: string, key: string, value: string): Promise<ConversationMessage | null> {
    return (await this.listMessages(conversationId)).find((m) => m.attributes[key] === value) ?? null;
  }

  /**
   * Replaces the message's attributes (and body, when given). The change feed carries the whole
   * message again under the same id, so pages replace it in place.
   */
  async updateMessage(conversationId: string, messageId: string, change: { body?: string; attributes: Attributes }): Promise<ConversationMessage> {
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextSeq(trx);
      const row = await trx
        .selectFrom('ve_conversation_messages')
        .select(MESSAGE_COLUMNS)
        .where('id', '=', messageId)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      if (!row) throw new Error(`message ${messageId} does not exist in conversation ${conversationId}`);
      const updated = { ...row, body: change.body ?? row.body, attributes_json: JSON.stringify(change.attributes) };
      await trx
        .updateTable('ve_conversation_messages')
        .set({ body: updated.body, attributes_json: updated.attributes_json })
        .where('id', '=', messageId)
        .execute();
      const message = toMessage(updated);
      await recordEvent(trx, seq, conversationId, 'message', message);
      return message;
    });
  }

  /**
   * Read, deep-merge, write, atomically: the Functions process and the local server both write a
   * conversation's attributes. The transaction's first statement takes the next feed number, a
   * write: SQLite takes its write lock before the read (like BEGIN IMMEDIATE, so no read-then-
   * upgrade deadlock across processes); PostgreSQL also locks the conversation row for the read.
   */
  async mergeAttributes(conversationId: string, patch: Attributes): Promise<Attributes> {
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextSeq(trx);
      const row = await trx
        .selectFrom('ve_conversations')
        .selectAll()
        .where('id', '=', conversationId)
        .$if(this.engine === 'postgres', (q) => q.forUpdate())
        .executeTakeFirst();
      if (!row) throw new Error(`conversation ${conversationId} does not exist`);
      const merged = mergeAttributes(JSON.parse(row.attributes_json) as Attributes, patch);
      const attributesJson = JSON.stringify(merged);
      await trx.updateTable('ve_conversations').set({ attributes_json: attributesJson }).where('id', '=', conversationId).execute();
      await recordEvent(trx, seq, conversationId, 'conversation', toConversation({ ...row, attributes_json: attributesJson }));
      return merged;
    });
  }

  /** Changes after `afterSeq`, oldest first; `conversationId` narrows to one conversation. */
  async eventsSince(afterSeq: number, conversationId?: string, limit = 200): Promise<ConversationEvent[]> {
    const rows = await this.db
      .selectFrom('ve_conversation_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .$if(Boolean(conversationId), (q) => q.where('conversation_id', '=', conversationId as string))
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      conversationId: r.conversation_id,
      kind: r.kind,
      payload: JSON.parse(r.payload_json) as ConversationMessage | Conversation,
    }));
  }

  /** The newest change's number; 0 when there is none. */
  async latestEventSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('ve_conversation_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }
}

/** Takes the next feed number: the first write of every change, so it also takes the lock. */
async function nextSeq(trx: Transaction<StoreTables>): Promise<number> {
  const row = await trx
    .updateTable('ve_conversation_feed')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', 1)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

async function recordEvent(
  trx: Transaction<StoreTables>,
  seq: number,
  conversationId: string,
  kind: ConversationEvent['kind'],
  payload: ConversationMessage | Conversation,
): Promise<void> {
  await trx
    .insertInto('ve_conversation_events')
    .values({ seq, conversation_id: conversationId, kind, payload_json: JSON.stringify(payload) })
    .execute();
}
