import type { AuditEntry, ConversationClosure, ConversationMatch, LegalHold } from '../domain/privacy';

/** Closures, legal holds and the audit log (migration 0013), on SQLite and PostgreSQL alike. */
export interface PrivacyStore {
  /** Records the close unless the conversation is already closed; returns the closure in force. */
  close(closure: ConversationClosure): Promise<ConversationClosure>;
  getClosure(conversationId: string): Promise<ConversationClosure | null>;
  /**
   * Unsettled closures closed at or before `before` (ISO), oldest first, after the `after` closure
   * (paging): the sweep's candidates. Settled ones are left out, so a sweep costs the open work.
   */
  listUnsettled(before: string, limit: number, after?: Pick<ConversationClosure, 'closedAt' | 'conversationId'>): Promise<ConversationClosure[]>;
  /** Nothing is left to delete in the conversation under the policy: the sweep skips it from now on. The first mark stays. */
  markSettled(conversationId: string, at: string): Promise<void>;
  /** Every settled closure becomes a candidate again (the policy changed); returns how many. */
  reopenSettled(): Promise<number>;
  /** Sets (or replaces the reason of) the conversation's hold. */
  setHold(hold: LegalHold): Promise<void>;
  /** Lifts it; returns the hold that was lifted, null when there was none. */
  liftHold(conversationId: string): Promise<LegalHold | null>;
  getHold(conversationId: string): Promise<LegalHold | null>;
  listHolds(): Promise<LegalHold[]>;
  /** Appends the entry; one whose id is already there is a no-op (a resumed step audits once). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter: { conversationId?: string; limit?: number }): Promise<AuditEntry[]>;
  /**
   * The conversations whose customer name contains `query` (case-insensitively) or whose id is
   * exactly `query`, newest first, at most `limit`, each with whether it is closed and on hold.
   */
  findConversations(filter: { query: string; limit: number }): Promise<ConversationMatch[]>;
}
