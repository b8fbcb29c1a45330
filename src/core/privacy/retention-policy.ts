import type { Config } from '../../config';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionPolicy = Pick<Config, 'RETENTION_MEDIA_DAYS' | 'RETENTION_TRANSCRIPT_DAYS' | 'DELETE_PII_MEDIA_AT_CLOSE'>;

const plusDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** When a closed conversation's media goes (recordings with PII may go at close; see mediaDue). */
export const mediaDeletesAt = (closedAt: string, policy: RetentionPolicy): string => plusDays(closedAt, policy.RETENTION_MEDIA_DAYS);

/** Is this recording's media due at `now`: the policy's days after close, or at close when PII was found. */
export function mediaDue(closedAt: string, pii: boolean, now: Date, policy: RetentionPolicy): boolean {
  if (pii && policy.DELETE_PII_MEDIA_AT_CLOSE) return Date.parse(closedAt) <= now.getTime();
  return Date.parse(mediaDeletesAt(closedAt, policy)) <= now.getTime();
}

/** Is the transcript due: only when RETENTION_TRANSCRIPT_DAYS is set (default: kept). */
export function transcriptDue(closedAt: string, now: Date, policy: RetentionPolicy): boolean {
  if (policy.RETENTION_TRANSCRIPT_DAYS === undefined) return false;
  return Date.parse(plusDays(closedAt, policy.RETENTION_TRANSCRIPT_DAYS)) <= now.getTime();
}
