import type { Attributes, Conversation, ConversationMessage } from '../../domain/conversation';
import type { ConversationsPort, NewMessage } from '../../ports/conversations';
import { mergeAttributes } from '../../core/merge-attributes';
import { isNotFound } from './rest-errors';
import type { TwilioClient } from './twilio-client';

export interface TwilioConversationsOptions {
  client: TwilioClient;
  /** Page size for message reads (Twilio allows up to 100 for messages). */
  pageSize?: number;
}

/** Twilio stores attributes as a JSON string; anything unparsable or not an object reads as `{}`. */
export function parseAttributes(raw: string | null | undefined): Attributes {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Attributes) : {};
  } catch {
    return {};
  }
}

interface MessageLike {
  sid: string;
  conversationSid: string;
  author: string;
  body: string;
  attributes: string;
  dateCreated: Date;
}

const toMessage = (m: MessageLike): ConversationMessage => ({
  id: m.sid,
  conversationId: m.conversationSid,
  author: m.author,
  body: m.body ?? '',
  attributes: parseAttributes(m.attributes),
  createdAt: m.dateCreated.toISOString(),
});

/** ConversationsPort on the Twilio Conversations REST API. */
export class TwilioConversations implements ConversationsPort {
  private readonly pageSize: number;

  constructor(private readonly options: TwilioConversationsOptions) {
    this.pageSize = options.pageSize ?? 100;
  }

  private conversation(conversationId: string) {
    return this.options.client.conversations.v1.conversations(conversationId);
  }

  async get(conversationId: string): Promise<Conversation | null> {
    try {
      const c = await this.conversation(conversationId).fetch();
      return { id: c.sid, friendlyName: c.friendlyName ?? '', attributes: parseAttributes(c.attributes), createdAt: c.dateCreated.toISOString(), state: c.state };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async postMessage(conversationId: string, message: NewMessage): Promise<ConversationMessage> {
    const created = await this.conversation(conversationId).messages.create({
      author: message.author,
      body: message.body,
      attributes: JSON.stringify(message.attributes ?? {}),
    });
    return toMessage(created);
  }

  /** Conversations REST message update: attributes replaced (as a JSON string), body when given. */
  async updateMessage(conversationId: string, messageId: string, change: { body?: string; attributes: Attributes }): Promise<ConversationMessage> {
    const updated = await this.conversation(conversationId)
      .messages(messageId)
      .update({ ...(change.body !== undefined ? { body: change.body } : {}), attributes: JSON.stringify(change.attributes) });
    return toMessage(updated);
  }

  /** Oldest first; twilio-node follows `next_page_url` through every page. */
  async listMessages(conversationId: string): Promise<ConversationMessage[]> {
    const messages = await this.conversation(conversationId).messages.list({ order: 'asc', pageSize: this.pageSize });
    return messages.map(toMessage);
  }

  /**
   * Newest first, stopping at the first match: the markers this looks for are recent, so it
   * usually reads one page. Worst case (no match) it reads every message of the conversation,
   * one request per page; keep it off hot paths. With duplicates it returns the newest.
   */
  async findMessageByAttribute(conversationId: string, key: string, value: string): Promise<ConversationMessage | null> {
    let found: ConversationMessage | null = null;
    await this.conversation(conversationId).messages.each({
      order: 'desc',
      pageSize: this.pageSize,
      callback: (m, done) => {
        if (found) return;
        const message = toMessage(m);
        if (message.attributes[key] === value) {
          found = message;
          done();
        }
      },
    });
    return found;
  }

  /**
   * Read, deep-merge (the core's mergeAttributes), write. Conversations have no ETag or
   * conditional update, so two writers within one round trip can lose one patch; the core keeps
   * writes rare and per-feature keys disjoint. Webhooks are off for this write: it is our own.
   */
  async mergeAttributes(conversationId: string, patch: Attributes): Promise<Attributes> {
    const current = await this.conversation(conversationId).fetch();
    const merged = mergeAttributes(parseAttributes(current.attributes), patch);
    await this.conversation(conversationId).update({ attributes: JSON.stringify(merged), xTwilioWebhookEnabled: 'false' });
    return merged;
  }
}
