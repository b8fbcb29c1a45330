import type { LibraryItem } from '../../api/library-contract';
import type { RecordingArtifacts } from '../../ports/recording-artifacts';
import type { LibraryRecord } from '../../ports/recording-library';

/** A library row as pages read it, with where its video and transcript are once they exist (no video once deleted). */
export function libraryItem(record: LibraryRecord, artifacts: RecordingArtifacts): LibraryItem {
  if (record.state !== 'ready') return { ...record };
  const urls = artifacts.urls(record.recordingId);
  return {
    ...record,
    ...(record.mediaDeleted ? {} : { mediaUrl: urls.mediaUrl }),
    ...(record.hasTranscript ? { captionsUrl: urls.captionsUrl, transcriptUrl: urls.transcriptUrl } : {}),
  };
}
