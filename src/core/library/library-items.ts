import type { ClipAuthor, LibraryItem } from '../../api/library-contract';
import type { RecordingArtifacts } from '../../ports/recording-artifacts';
import type { LibraryRecord } from '../../ports/recording-library';

/**
 * A clip is made by one side of its conversation: the customer (named as the row names them) or
 * the agent whose clip it is. A call has no single author.
 */
function authorOf(record: LibraryRecord): ClipAuthor | undefined {
  if (record.kind !== 'clip' || !record.clipAuthorRole) return undefined;
  return { role: record.clipAuthorRole, name: record.clipAuthorRole === 'customer' ? record.customerName : record.agentName };
}

/**
 * A library row as pages read it: who made it (clips), and where its video and transcript are
 * once they exist (no video once deleted).
 */
export function libraryItem(record: LibraryRecord, artifacts: RecordingArtifacts): LibraryItem {
  const { clipAuthorRole: _role, ...row } = record;
  const author = authorOf(record);
  const item: LibraryItem = author ? { ...row, author } : row;
  if (record.state !== 'ready') return item;
  const urls = artifacts.urls(record.recordingId);
  return {
    ...item,
    ...(record.mediaDeleted ? {} : { mediaUrl: urls.mediaUrl }),
    ...(record.hasTranscript ? { captionsUrl: urls.captionsUrl, transcriptUrl: urls.transcriptUrl } : {}),
  };
}
