import type { CoreDeps } from '../deps';
import type { PrivacyStore } from '../../ports/privacy-store';
import type { RecordingMediaStore } from '../../ports/recording-media-store';

/** What erasure touches: every store that keeps something of a customer, plus the audit log. */
export type ErasureDeps = Pick<CoreDeps, 'conversations' | 'escalations' | 'clips' | 'clipViews' | 'pipeline' | 'clock' | 'newId'> & {
  privacy: PrivacyStore;
  recordingMedia: RecordingMediaStore;
};

/** What the storage report reads: the library's recordings, their jobs, their stored bytes, the price. */
export type StorageDeps = Pick<CoreDeps, 'config' | 'pipeline'> & { recordingMedia: RecordingMediaStore };
