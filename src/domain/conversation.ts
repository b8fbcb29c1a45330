/** Attributes are free-form JSON on both back ends (Twilio Conversations stores them as a JSON string). */
export type Attributes = Record<string, unknown>;

export interface ConversationMessage {
  id: string;
  conversationId: string;
  author: string;
  body: string;
  attributes: Attributes;
  createdAt: string;
}

export interface Conversation {
  id: string;
  friendlyName: string;
  attributes: Attributes;
  createdAt: string;
  /** Twilio Conversations' state ('active', 'inactive', 'closed', …); local conversations stay open (undefined). */
  state?: string;
}

/** The name a chat carries for its customer (attribute `customerName`), or the neutral "Customer". */
export function customerNameOf(attributes: Attributes | undefined): string {
  const name = attributes?.customerName;
  return typeof name === 'string' && name.trim() ? name.trim() : 'Customer';
}
