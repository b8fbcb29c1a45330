import type { AuditEntry, ConversationClosure, LegalHold } from '../domain/privacy';

/** Closures, legal holds and the audit log (migration 0013), on SQLite and PostgreSQL alike. */
export interface PrivacyStore {
  /** Records the close unless the conversation is already closed; returns the closure in force. */
  close(closure: ConversationClosure): Promise<ConversationClosure>;
  getClosure(conversationId: string): Promise<ConversationClosure | null>;
  /** Closed at or before `before` (ISO), oldest first, after the `after` closure (paging): the sweep's candidates. */
  listClosedBefore(before: string, limit: number, after?: Pick<ConversationClosure, 'closedAt' | 'conversationId'>): Promise<ConversationClosure[]>;
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
}
