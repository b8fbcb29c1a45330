import type { LibraryItem, ListRecordingsRequest, SearchHit, SearchTranscriptsRequest } from '../../api/library-contract';
import { ApiError } from '../../client/request-json';
import type { LibraryApi } from '../api/library-api';
import type { OpenedRecording, RecordingMedia } from '../api/recording-media';
import type { TranscriptSegment } from '../components/RecordingPlayer';

export const libraryItem = (over: Partial<LibraryItem> & { recordingId: string }): LibraryItem => ({
  conversationId: `CH-${over.recordingId}`,
  kind: 'call',
  agentIdentity: 'alex',
  agentName: 'Alex',
  customerName: 'Jordan Lee',
  endedAt: '2025-01-02T10:00:00.000Z',
  durationSeconds: 95,
  state: 'ready',
  hasTranscript: true,
  mediaUrl: `/media/recordings/${over.recordingId}/video.mp4`,
  captionsUrl: `/media/recordings/${over.recordingId}/captions.vtt`,
  transcriptUrl: `/media/recordings/${over.recordingId}/transcript.json`,
  // A clip is always somebody's: the customer's unless the test says otherwise.
  ...(over.kind === 'clip' ? { author: { name: over.customerName ?? 'Jordan Lee', role: 'customer' as const } } : {}),
  ...over,
});

/**
 * The library Functions in memory, for UI tests: pages of `pageSize` by an index cursor, every
 * request recorded, and each call held until the test releases it (to see loading states) or
 * failed on demand.
 */
export class FakeLibraryApi implements LibraryApi {
  readonly requests: Array<{ op: 'list' | 'get' | 'search'; request: unknown }> = [];
  /** Calls waiting for the test: resolve or reject them with release()/fail(). */
  readonly pending: Array<{ resolve(): void; reject(e: Error): void }> = [];
  hold = false;
  failNext: ApiError | null = null;

  constructor(
    public items: LibraryItem[],
    public hits: SearchHit[] = [],
    public pageSize = 2,
  ) {}

  list(request: ListRecordingsRequest) {
    this.requests.push({ op: 'list', request });
    return this.answer(() => this.page(this.items, request.cursor, (items, nextCursor) => ({ items, nextCursor })));
  }

  get(recordingId: string) {
    this.requests.push({ op: 'get', request: { recordingId } });
    return this.answer(() => {
      const item = this.items.find((i) => i.recordingId === recordingId);
      if (!item) throw new ApiError('recording_not_found', 'No such recording.', 404);
      return item;
    });
  }

  search(request: SearchTranscriptsRequest) {
    this.requests.push({ op: 'search', request });
    return this.answer(() => this.page(this.hits, request.cursor, (hits, nextCursor) => ({ hits, nextCursor })));
  }

  /** Lets the oldest held call answer. */
  release() {
    this.pending.shift()?.resolve();
  }

  private page<T, R>(all: T[], cursor: string | undefined, shape: (items: T[], next?: string) => R): R {
    const from = cursor ? Number(cursor) : 0;
    const next = from + this.pageSize < all.length ? String(from + this.pageSize) : undefined;
    return shape(all.slice(from, from + this.pageSize), next);
  }

  private answer<T>(make: () => T): Promise<T> {
    const failure = this.failNext;
    this.failNext = null;
    const settle = () => {
      if (failure) throw failure;
      return make();
    };
    if (!this.hold) return Promise.resolve().then(settle);
    return new Promise<void>((resolve, reject) => this.pending.push({ resolve, reject })).then(settle);
  }
}

/** Opens every recording with these lines; records what was opened and closed. */
export class FakeRecordingMedia implements RecordingMedia {
  readonly opened: string[] = [];
  readonly closed: string[] = [];
  failWith: Error | null = null;
  constructor(public segments: TranscriptSegment[]) {}
  async open(item: LibraryItem): Promise<OpenedRecording> {
    this.opened.push(item.recordingId);
    if (this.failWith) throw this.failWith;
    return {
      videoUrl: item.mediaUrl,
      captionsUrl: item.captionsUrl,
      segments: item.hasTranscript ? this.segments : [],
      close: () => void this.closed.push(item.recordingId),
    };
  }
}
