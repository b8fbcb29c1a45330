import type { AuditEntry, CloseSource, ConversationClosure, ConversationMatch, LegalHold, MediaDeletionReason } from '../domain/privacy';

export type { ConversationMatch };

/**
 * Privacy and retention (#11) as the Functions answer it and every page reads it. Staff calls
 * carry the agent's or supervisor's token the Flex way (`Token` in the body).
 */

/** POST /close-conversation (agents on their conversation, supervisors any). */
export interface CloseConversationRequest {
  conversationId: string;
  /** The Flex plugin's task-completion hook says `task_completed`; default `console`. */
  source?: 'console' | 'task_completed';
}
export interface CloseConversationResponse {
  conversationId: string;
  closedAt: string;
  source: CloseSource;
  /** When the media of its recordings will be deleted (absent while on legal hold). */
  mediaDeletesAt?: string;
  onHold: boolean;
}

/** POST /legal-hold (supervisors): read, set with a reason, or lift. */
export type LegalHoldRequest =
  | { conversationId: string; action: 'get' }
  | { conversationId: string; action: 'set'; reason: string }
  | { conversationId: string; action: 'lift' };
/** A closed conversation as the hold's reader sees it. */
export interface HeldConversationClosure extends ConversationClosure {
  /** When the policy deletes its media (RETENTION_MEDIA_DAYS after the close); a hold defers it. */
  mediaDeletesAt: string;
}
export interface LegalHoldResponse {
  conversationId: string;
  hold: LegalHold | null;
  /** `get` answers it when the conversation is closed (absent: open). */
  closure?: HeldConversationClosure;
}

/** POST /find-conversations (supervisors): by part of the customer's name (any case) or the exact id; newest first, bounded. */
export interface FindConversationsRequest {
  query: string;
  /** At most this many (default 20, at most 50). */
  limit?: number;
}
export interface FindConversationsResponse {
  conversations: ConversationMatch[];
  /** More conversations match than were listed: a longer query narrows them. */
  more: boolean;
}

/** POST /erase-customer (supervisors): a dry run counts, the real run erases and audits. */
export interface EraseCustomerRequest {
  /** One of the two: a customer identity, or every customer of a conversation. */
  customerIdentity?: string;
  conversationId?: string;
  /** Default true: count only. */
  dryRun?: boolean;
}
export interface ErasureCounts {
  conversations: number;
  recordings: number;
  mediaFiles: number;
  transcripts: number;
  messages: number;
  linkTokens: number;
  clipViews: number;
}
export interface EraseCustomerResponse {
  dryRun: boolean;
  counts: ErasureCounts;
  /** Set on the real run: the audit entry that proves it. */
  auditId?: string;
}

/** POST /storage-usage (supervisors): bytes stored per month of recording, and the estimated cost. */
export interface StorageMonth {
  /** YYYY-MM of the recordings' end. */
  month: string;
  recordings: number;
  bytes: number;
  estimatedMonthlyCostUsd: number;
}
export interface StorageUsageResponse {
  pricePerGbMonthUsd: number;
  months: StorageMonth[];
  totalBytes: number;
  totalEstimatedMonthlyCostUsd: number;
  /** The policy's target for that cost (STORAGE_BUDGET_USD_MONTH). */
  budgetUsdMonth: number;
}

/** POST /audit-log (supervisors): newest first, optionally one conversation's. */
export interface AuditLogRequest {
  conversationId?: string;
  limit?: number;
}
export interface AuditLogResponse {
  entries: AuditEntry[];
}

/**
 * POST /retention-sweep (a scheduler): what one sweep did; the core's sweep returns it (SweepReport).
 */
export interface RetentionSweepResponse {
  /** Closed conversations looked at, and those skipped for a legal hold. */
  conversations: number;
  held: number;
  /** Recordings whose media was marked deleted in this sweep, and how many of those resumed an earlier run's intent. */
  mediaDeleted: number;
  resumed: number;
  /** Media items (files, Twilio recordings and compositions) removed. */
  mediaItems: number;
  transcriptsDeleted: number;
  /** Due, but the pipeline has not finished with them: the next sweep takes them. */
  notFinished: number;
  /** Failed this time (logged); their intent stays on record and the next sweep resumes them. */
  failed: number;
  /** Conversations found with nothing left to delete under the policy: later sweeps skip them. */
  settled: number;
  /** The time budget ran out with recordings left: call again (the scheduler's cue). */
  more?: boolean;
}

/** How a recording's media deletion shows in the library and on the card. */
export interface MediaDeletedInfo {
  reason: MediaDeletionReason;
  deletedAt: string;
}
