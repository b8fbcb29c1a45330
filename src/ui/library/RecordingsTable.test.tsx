import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { libraryItem } from '../test-support/fake-library-api';
import { formatWhenExact } from './format';
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

  it('tells a customer’s clip from the agent’s reply in the same minute: who made each, and an Open button of its own', () => {
    const same = { kind: 'clip' as const, agentName: 'Alex', customerName: 'Jordan Lee' };
    const items = [
      libraryItem({ ...same, recordingId: 'RE2', endedAt: '2026-12-07T14:03:51.000Z', durationSeconds: 18, author: { name: 'Alex', role: 'agent' } }),
      libraryItem({ ...same, recordingId: 'RE1', endedAt: '2026-12-07T14:03:27.000Z', durationSeconds: 42, author: { name: 'Jordan Lee', role: 'customer' } }),
    ];
    const onOpen = jest.fn();
    render(<RecordingsTable pages={pages(items)} filtered={false} onOpen={onOpen} />);
    const [reply, clip] = screen.getAllByTestId('recording-row');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Made by');
    expect(within(reply).getByTestId('recording-author').textContent).toBe('Alex (agent)');
    expect(within(clip).getByTestId('recording-author').textContent).toBe('Jordan Lee (customer)');

    const names = screen.getAllByRole('button', { name: /^Open / }).map((b) => b.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(2);
    expect(names[1]).toBe(`Open video clip by Jordan Lee (customer) with Jordan Lee, ${formatWhenExact(items[1].endedAt)}, 0:42`);
    expect(formatWhenExact(items[1].endedAt)).toMatch(/:27\b/);
    within(reply).getByRole('button', { name: /^Open video clip by Alex \(agent\) with Jordan Lee, .*, 0:18$/ }).click();
    expect(onOpen).toHaveBeenCalledWith(items[0]);
  });
});
