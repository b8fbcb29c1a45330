import type { CoreDeps } from '../deps';

/** What closing, holds and the retention sweep touch. */
export type RetentionDeps = Pick<
  CoreDeps,
  'config' | 'conversations' | 'escalations' | 'clips' | 'pipeline' | 'privacy' | 'recordingMedia' | 'clock' | 'newId'
>;

/** The sweep's identity in the audit log. */
export const RETENTION_ACTOR = 'system:retention';
