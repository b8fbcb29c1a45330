import type { Attributes, Conversation, ConversationMessage } from '../domain/conversation';

export interface NewMessage {
  author: string;
  body: string;
  attributes?: Attributes;
}

/** Chat conversations. Twilio: Conversations REST. Local: SQLite + server-sent events. */
export interface ConversationsPort {
  get(conversationId: string): Promise<Conversation | null>;
  postMessage(conversationId: string, message: NewMessage): Promise<ConversationMessage>;
  listMessages(conversationId: string): Promise<ConversationMessage[]>;
  /** First message whose attribute `key` equals `value`: how steps stay exactly-once after a crash. */
  findMessageByAttribute(conversationId: string, key: string, value: string): Promise<ConversationMessage | null>;
  /** Shallow-merges `patch` into the conversation's attributes; keys not in `patch` are kept. */
  mergeAttributes(conversationId: string, patch: Attributes): Promise<Attributes>;
}
