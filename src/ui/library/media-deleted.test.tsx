import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { FakeRecordingMedia, libraryItem } from '../test-support/fake-library-api';
import { LibraryPlayer } from './LibraryPlayer';
import { RecordingsTable } from './RecordingsTable';
import type { CursorPages } from './useCursorPages';
import type { LibraryItem } from '../../api/library-contract';

const pages = (items: LibraryItem[]): CursorPages<LibraryItem> => ({ items, status: 'done', error: null, hasMore: false, loadMore: () => undefined, retry: () => undefined });
const deletedAt = '2027-02-19T10:00:00.000Z';
// What the server lists once the media is gone: no media URL, the text URLs kept.
const swept = libraryItem({ recordingId: 'RE1', mediaUrl: undefined, mediaDeleted: { reason: 'retention', deletedAt } });
const segments = [{ speaker: 'Customer', role: 'customer' as const, start: 4, end: 7, text: 'the lights blink orange' }];

describe('a recording whose media was deleted, in the library', () => {
  it('the list says so in words, and which way (retention or erasure)', () => {
    const erased = libraryItem({ recordingId: 'RE2', mediaUrl: undefined, hasTranscript: false, mediaDeleted: { reason: 'erasure', deletedAt } });
    render(<RecordingsTable pages={pages([swept, erased, libraryItem({ recordingId: 'RE3' })])} filtered={false} onOpen={() => undefined} />);
    const [a, b, c] = screen.getAllByTestId('recording-row');
    expect(within(a).getByTestId('media-deleted-badge').textContent).toBe(' Video deleted');
    expect(within(b).getByTestId('media-deleted-badge').textContent).toBe(' Erased on request');
    expect(within(c).queryByTestId('media-deleted-badge')).toBeNull();
  });

  it('the player says why there is no video and still shows the kept transcript, with no <video>', async () => {
    const media = new FakeRecordingMedia(segments);
    const { container } = render(<LibraryPlayer item={swept} media={media} viewerRole="supervisor" onClose={() => undefined} />);
    expect((await screen.findByTestId('player-media-deleted')).textContent).toBe('Video deleted under the retention policy on February 19, 2027; transcript kept.');
    expect(screen.getByTestId('transcript-line').textContent).toContain('the lights blink orange');
    expect(container.querySelector('video')).toBeNull();
    expect(screen.queryByTestId('download-video')).toBeNull();
    expect(media.opened).toEqual(['RE1']);
  });

  it('an erased recording opens nothing and says it was removed on request', () => {
    const erased = libraryItem({ recordingId: 'RE2', mediaUrl: undefined, hasTranscript: false, mediaDeleted: { reason: 'erasure', deletedAt } });
    const media = new FakeRecordingMedia(segments);
    render(<LibraryPlayer item={erased} media={media} viewerRole="supervisor" onClose={() => undefined} />);
    expect(screen.getByTestId('player-not-playable').textContent).toBe('Video and transcript removed on request (February 19, 2027).');
    expect(media.opened).toEqual([]);
  });
});
