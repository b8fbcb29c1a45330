import React from 'react';
import type { LibraryItem } from '../../api/library-contract';
import { ConversationLabel } from '../components/ConversationLabel';
import { authorText, formatLength, formatWhen, KIND_LABEL, openRecordingName, STATE_LABEL } from './format';
import { LoadMore, pagesStatus } from './LoadMore';
import type { CursorPages } from './useCursorPages';
import { useFocusOnNewItems } from './useFocusOnNewItems';

export interface RecordingsTableProps {
  pages: CursorPages<LibraryItem>;
  /** Some filter is applied: an empty list then says so. */
  filtered: boolean;
  onOpen(item: LibraryItem): void;
}

/**
 * The recordings, newest first, as a real table (caption, column and row headers). "Load more"
 * asks for the next page by cursor; focus then moves to the first row it brought. One status
 * line, always present so screen readers announce its changes, says what is happening.
 */
export function RecordingsTable({ pages, filtered, onOpen }: RecordingsTableProps) {
  const { items, status, error } = pages;
  const focus = useFocusOnNewItems<HTMLTableCellElement>(items.length);
  const said = pagesStatus(pages, {
    noun: 'recordings',
    singular: 'recording',
    loading: 'Loading recordings…',
    empty: filtered ? 'No recordings match these filters.' : 'No recordings yet. Recorded calls and clips appear here once they end.',
  });

  return (
    <div className="vx-library__list">
      <p className="vx-library__status" role="status" data-testid="library-status">
        {said}
      </p>
      {status === 'error' && items.length === 0 && (
        <div className="vx-library__state" data-testid="library-error">
          <p className="vx-error" role="alert">
            Could not load the recordings: {error}
          </p>
          <button type="button" className="vx-button" onClick={pages.retry}>
            Try again
          </button>
        </div>
      )}
      {items.length > 0 && (
        <div className="vx-library__table-wrap">
          <table className="vx-library__table" data-testid="recordings-table">
            <caption>Recordings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Agent</th>
                <th scope="col">Customer</th>
                <th scope="col">Conversation</th>
                <th scope="col">Kind</th>
                <th scope="col">Made by</th>
                <th scope="col">Length</th>
                <th scope="col">State</th>
                <th scope="col">Transcript</th>
                <th scope="col">
                  <span className="vx-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={item.recordingId} data-testid="recording-row" data-recording-id={item.recordingId}>
                  <th scope="row" tabIndex={-1} ref={focus.ref(i)}>
                    <time dateTime={item.endedAt}>{formatWhen(item.endedAt)}</time>
                  </th>
                  <td>{item.agentName || item.agentIdentity}</td>
                  <td>{item.customerName || '—'}</td>
                  <td>
                    <ConversationLabel conversationId={item.conversationId} customerName={item.customerName || 'the customer'} showName={false} />
                  </td>
                  <td>{KIND_LABEL[item.kind]}</td>
                  <td data-testid="recording-author">{item.author ? authorText(item.author) : '—'}</td>
                  <td>{formatLength(item.durationSeconds)}</td>
                  <td>
                    <span className={`vx-library__badge vx-library__badge--${item.state}`}>{STATE_LABEL[item.state]}</span>
                    {item.mediaDeleted && (
                      <span className="vx-library__badge vx-library__badge--deleted" data-testid="media-deleted-badge">
                        {' '}
                        {item.mediaDeleted.reason === 'erasure' ? 'Erased on request' : 'Video deleted'}
                      </span>
                    )}
                    {item.review?.reviewed ? (
                      <span className="vx-library__badge vx-library__badge--reviewed" data-testid="review-badge">
                        {' '}
                        Reviewed
                      </span>
                    ) : item.review?.required ? (
                      <span className="vx-library__badge vx-library__badge--review-required" data-testid="review-badge">
                        {' '}
                        Review required
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {item.hasTranscript ? 'Yes' : 'No'}
                    {item.pii && (
                      // Said in words, not by colour: the flag that drives deletion of the media at close.
                      <span className="vx-library__badge vx-library__badge--pii" data-testid="pii-badge">
                        {' '}
                        PII redacted<span className="vx-visually-hidden">: personal data was found and replaced in the transcript</span>
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="vx-button vx-library__open" aria-label={openRecordingName(item)} onClick={() => onOpen(item)}>
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={pages} noun="recordings" onRequest={() => focus.expectFrom(items.length)} />
    </div>
  );
}
