import { Hs256Tokens } from './hs256-tokens';

/**
 * The local customer chat page's credential: one conversation, as a customer. It stands in for
 * whatever authenticates the customer's web chat in production (Flex WebChat).
 */
export class LocalChatTokens {
  private readonly tokens: Hs256Tokens;

  constructor(secret: string) {
    this.tokens = new Hs256Tokens(secret, 'local-customer-chat');
  }

  issue(conversationId: string, ttlSeconds = 7 * 24 * 60 * 60): Promise<string> {
    return this.tokens.sign(conversationId, {}, ttlSeconds);
  }

  /** The conversation the token opens, or null. */
  async verify(token: string): Promise<string | null> {
    return (await this.tokens.verify(token))?.sub ?? null;
  }
}
