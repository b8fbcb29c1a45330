/**
 * Privacy and retention (#11): when a conversation closed, what holds its deletion back, and the
 * audit trail of what was done. Entries carry counts and ids, never content.
 */

/** The kinds of personal data the transcript redaction finds; each is replaced by its marker. */
export const PII_KINDS = ['card_number', 'email', 'phone', 'ssn', 'iban'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** The typed marker that replaces a finding in text, captions and word timings. */
export const PII_MARKERS: Record<PiiKind, string> = {
  card_number: '[card number]',
  email: '[email]',
  phone: '[phone number]',
  ssn: '[ssn]',
  iban: '[iban]',
};

/** Where a close came from: the local console, the Conversations webhook, the Flex task's completion. */
export type CloseSource = 'console' | 'conversation_webhook' | 'task_completed';

/** A conversation's close starts the retention clock; the first close counts, later ones are no-ops. */
export interface ConversationClosure {
  conversationId: string;
  closedAt: string;
  closedBy: string;
  source: CloseSource;
}

/** Set per conversation by a supervisor with a reason; stops every deletion until lifted. */
export interface LegalHold {
  conversationId: string;
  reason: string;
  /** Staff identity: what access checks use. */
  setBy: string;
  /** Their display name, stored beside it so every page names the person as the header does (absent on holds from before 0015). */
  setByName?: string;
  setAt: string;
}

export type AuditAction =
  | 'conversation.closed'
  | 'legal_hold.set'
  | 'legal_hold.lifted'
  | 'retention.media_deleted'
  | 'retention.transcript_deleted'
  | 'erasure.performed'
  | 'transcript.corrected'
  | 'recording.reviewed'
  | 'review.required'
  | 'review.lifted';

/** The retention sweep's identity in the audit log. */
export const RETENTION_ACTOR = 'system:retention';

/** Proof of what was done, by whom, to what: ids and counts only. */
export interface AuditEntry {
  id: string;
  at: string;
  /** Staff identity, or `system:retention` for the sweep. */
  actor: string;
  /** The actor's display name when it was written (absent on entries from before 0015 and for the sweep). */
  actorName?: string;
  action: AuditAction;
  conversationId?: string;
  /** The customer identity an erasure was for, or a recording id. */
  subject?: string;
  /** Reason (holds), counts (erasure, sweep): never transcript text or media. */
  details?: Record<string, string | number | boolean>;
}

/** How people name a staff member on a hold or audit entry: the display name stored with it, else the identity. */
export const staffNameOf = (identity: string, name: string | undefined): string => (name?.trim() ? name : identity);

/** A conversation as the supervisors' finder lists it (#23): enough to pick the right one without its id. */
export interface ConversationMatch {
  conversationId: string;
  /** The chat's customer name, or "Customer" when it carries none. */
  customerName: string;
  /** The agent of its latest call or clip; null when no agent has taken it to video yet. */
  agentName: string | null;
  /** When it started (the chat's creation, else its first call or clip). */
  startedAt: string;
  closed: boolean;
  onHold: boolean;
}

/** Why a recording's media is gone: the policy after close, PII at close, or a customer's erasure. */
export type MediaDeletionReason = 'retention' | 'pii' | 'erasure';

/**
 * A recording's media deletion, on the pipeline job. `deleting` is the intent written before the
 * first file goes, so a sweep killed halfway resumes it; `deleted` is written after the last.
 */
export interface MediaDeletion {
  state: 'deleting' | 'deleted';
  reason: MediaDeletionReason;
  startedAt: string;
  deletedAt?: string;
}

/** What the recording card says once its video is gone (the transcript stays, unless erased). */
export const MEDIA_DELETED_TEXT = 'Video deleted under the retention policy; transcript kept';
export const ERASED_TEXT = 'removed on request';
