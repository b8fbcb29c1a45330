import type { CoreDeps } from '../deps';

/** What closing, holds and the retention sweep touch. */
export type RetentionDeps = Pick<
  CoreDeps,
  'config' | 'conversations' | 'escalations' | 'clips' | 'pipeline' | 'privacy' | 'recordingMedia' | 'clock' | 'newId'
>;

export { RETENTION_ACTOR } from '../../domain/privacy';
