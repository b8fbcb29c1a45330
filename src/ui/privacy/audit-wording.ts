import type { ErasureCounts } from '../../api/privacy-contract';
import { RETENTION_ACTOR, staffNameOf, type AuditAction, type AuditEntry, type CloseSource, type MediaDeletionReason } from '../../domain/privacy';
import { COUNT_LABELS } from './format';

type Details = NonNullable<AuditEntry['details']>;

const CLOSED_FROM: Record<CloseSource, string> = {
  console: 'From the agent console',
  conversation_webhook: 'Closed in Twilio Conversations',
  task_completed: 'The Flex task was completed',
};

const DELETED_BECAUSE: Record<MediaDeletionReason, string> = {
  retention: 'under the retention policy',
  pii: 'personal data found, deleted at close',
  erasure: "on the customer's request",
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
const recording = (e: AuditEntry): string => (e.subject ? `Recording ${e.subject}` : 'A recording');

/** What was erased, in the erasure panel's words; zero counts are left out. */
function erasedCounts(details: Details): string {
  const parts = COUNT_LABELS.filter(([key]) => num(details[key as keyof ErasureCounts]) > 0).map(([key, label]) => `${label}: ${num(details[key])}`);
  return parts.length ? parts.join(', ') : 'nothing left to erase';
}

/**
 * Each action in words, with its details (reason, counts): a Record, so an action added to the
 * domain without wording here fails the typecheck.
 */
const WORDING: Record<AuditAction, { what: string; details(e: AuditEntry, d: Details): string }> = {
  'conversation.closed': { what: 'Closed the conversation', details: (_e, d) => CLOSED_FROM[d.source as CloseSource] ?? '' },
  'legal_hold.set': { what: 'Set a legal hold', details: (_e, d) => `Reason: ${d.reason ?? ''}` },
  'legal_hold.lifted': { what: 'Lifted the legal hold', details: (_e, d) => `Reason it had: ${d.reason ?? ''}` },
  'retention.media_deleted': {
    what: "Deleted a recording's video",
    details: (e, d) =>
      `${recording(e)} · ${plural(num(d.mediaItems), 'media file', 'media files')} · ${DELETED_BECAUSE[d.reason as MediaDeletionReason] ?? String(d.reason ?? '')}`,
  },
  'retention.transcript_deleted': {
    what: "Deleted a recording's transcript",
    details: (e, d) => `${recording(e)} · ${plural(num(d.artifacts), 'transcript or caption file', 'transcript and caption files')}`,
  },
  'transcript.corrected': { what: 'Corrected a transcript line', details: (e, d) => `${recording(e)} · line ${num(d.line) + 1} · changed: ${d.changed ?? ''}` },
  'recording.reviewed': { what: 'Marked a recording reviewed', details: (e) => recording(e) },
  'review.required': { what: 'Required review of the recordings', details: () => '' },
  'review.lifted': { what: 'No longer requires review of the recordings', details: () => '' },
  'erasure.performed': { what: "Erased a customer's data", details: (e, d) => `${e.subject ? `For ${e.subject} · ` : ''}${erasedCounts(d)}` },
};

/** An entry for people: who did what, to which conversation(s), and the details that prove it. */
export function describeAuditEntry(e: AuditEntry): { who: string; what: string; conversation: string; details: string } {
  const d = e.details ?? {};
  const wording = WORDING[e.action];
  // A newer server may know actions this page does not: show them as they are rather than nothing.
  const details = wording ? wording.details(e, d) : Object.entries(d).map(([k, v]) => `${k}: ${v}`).join(', ');
  const conversations = e.conversationId ?? (typeof d.conversationIds === 'string' ? d.conversationIds.split(',').filter(Boolean).join(', ') : '');
  return {
    who: e.actor === RETENTION_ACTOR ? 'Retention policy (automatic)' : staffNameOf(e.actor, e.actorName),
    what: wording?.what ?? e.action,
    conversation: conversations,
    details,
  };
}
