import '../test-support/media-env';
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { LibraryItem } from '../../api/library-contract';
import { FakeRecordingMedia, libraryItem } from '../test-support/fake-library-api';
import { LibraryPlayer } from './LibraryPlayer';
import { RecordingsTable } from './RecordingsTable';
import type { CursorPages } from './useCursorPages';

const pages = (items: LibraryItem[]): CursorPages<LibraryItem> => ({ items, status: 'done', error: null, hasMore: false, loadMore: () => undefined, retry: () => undefined });

/** #23: a supervisor can name the conversation of any recording (for a hold, an erasure, a ticket). */
describe('the library names each recording’s conversation', () => {
  it('in its own cell of every row, with a Copy id button that says whose conversation it is', () => {
    const items = [libraryItem({ recordingId: 'RE2', conversationId: 'CH2', customerName: 'Jordan Lee' }), libraryItem({ recordingId: 'RE1', conversationId: 'CH1', customerName: 'Kim' })];
    render(<RecordingsTable pages={pages(items)} filtered={false} onOpen={() => undefined} />);
    const [first, second] = screen.getAllByTestId('recording-row');
    expect(within(first).getByRole('cell', { name: /Conversation CH2/ })).toBeTruthy();
    expect(within(first).getByRole('button', { name: 'Copy id of the conversation with Jordan Lee' })).toBeTruthy();
    expect(within(second).getByTestId('conversation-label').getAttribute('data-conversation-id')).toBe('CH1');
  });

  it('in the player, below the agent and the customer', () => {
    const item = libraryItem({ recordingId: 'RE2', conversationId: 'CH2', customerName: 'Jordan Lee' });
    render(<LibraryPlayer item={item} media={new FakeRecordingMedia([])} viewerRole="supervisor" onClose={() => undefined} />);
    const label = within(screen.getByTestId('player-conversation')).getByTestId('conversation-label');
    expect(label.textContent).toBe('Conversation CH2Copy id');
    expect(within(label).getByRole('button', { name: 'Copy id of the conversation with Jordan Lee' })).toBeTruthy();
  });
});
