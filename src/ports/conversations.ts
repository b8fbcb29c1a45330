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
  /**
   * Replaces a message's attributes (and body, when given) in place: how the recording message
   * gains its transcript after the video went out. Everyone watching the conversation sees the change.
   */
  updateMessage(conversationId: string, messageId: string, change: { body?: string; attributes: Attributes }): Promise<ConversationMessage>;
  /**
   * Deep-merges `patch` into the conversation's attributes (src/core/merge-attributes.ts): nested
   * objects merge key by key, other values replace, keys not in `patch` are kept. Returns the result.
   * Both adapters pass the same contract test (tests/contract/conversations-contract.test.ts).
   */
  mergeAttributes(conversationId: string, patch: Attributes): Promise<Attributes>;
}
