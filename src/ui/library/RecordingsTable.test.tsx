import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { libraryItem } from '../test-support/fake-library-api';
import { RecordingsTable } from './RecordingsTable';
import type { CursorPages } from './useCursorPages';
import type { LibraryItem } from '../../api/library-contract';

const pages = (items: LibraryItem[]): CursorPages<LibraryItem> => ({ items, status: 'done', error: null, hasMore: false, loadMore: () => undefined, retry: () => undefined });

describe('the recordings table', () => {
  it('flags the recordings whose transcript had PII redacted, in words a screen reader reads', () => {
    const items = [
      libraryItem({ recordingId: 'RE2', hasTranscript: true, pii: true }),
      libraryItem({ recordingId: 'RE1', hasTranscript: true }),
    ];
    render(<RecordingsTable pages={pages(items)} filtered={false} onOpen={() => undefined} />);
    const [flagged, plain] = screen.getAllByTestId('recording-row');
    const badge = within(flagged).getByTestId('pii-badge');
    expect(badge.textContent).toBe(' PII redacted: personal data was found and replaced in the transcript');
    expect(within(flagged).getByRole('cell', { name: /PII redacted/ })).toBeTruthy();
    expect(within(plain).queryByTestId('pii-badge')).toBeNull();
    expect(within(plain).queryByText(/PII/)).toBeNull();
  });
});
