import React, { useCallback, useMemo, useState } from 'react';
import type { LibraryFilter, SearchHit, SearchTranscriptsRequest, SearchTranscriptsResponse } from '../../api/library-contract';
import { clock } from '../components/RecordingPlayer';
import { describeRecording } from './format';
import { Highlighted } from './Highlighted';
import { LoadMore, pagesStatus } from './LoadMore';
import { useCursorPages } from './useCursorPages';
import { useFieldIds } from '../hooks/useFieldIds';
import { useFocusOnNewItems } from './useFocusOnNewItems';

/** Long enough for any real phrase; the server refuses far longer ones anyway. */
const MAX_QUERY = 200;

export interface TranscriptSearchProps {
  search(request: SearchTranscriptsRequest): Promise<SearchTranscriptsResponse>;
  /** The list's filters narrow the search too. */
  filter: LibraryFilter;
  /** A result was chosen (click, Enter or Space): open the player at its line. */
  onOpen(hit: SearchHit): void;
}

/** Full-text search over transcripts: each result is a line, the matched words in <mark>. */
export function TranscriptSearch({ search, filter, onOpen }: TranscriptSearchProps) {
  const id = useFieldIds('search');
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const key = query ? JSON.stringify({ query, filter }) : null;
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const res = await search({ ...filter, query, cursor });
      return { items: res.hits, nextCursor: res.nextCursor };
    },
    [search, filter, query],
  );
  const pages = useCursorPages<SearchHit>(key, fetchPage);
  const focus = useFocusOnNewItems<HTMLButtonElement>(pages.items.length);
  const said = useMemo(
    () =>
      pagesStatus(pages, {
        noun: 'matching lines',
        singular: 'matching line',
        loading: `Searching the transcripts for “${query}”…`,
        empty: `No transcript line matches “${query}”.`,
      }),
    [pages, query],
  );

  return (
    <div className="vx-library__search">
      <form
        role="search"
        aria-label="Search transcripts"
        className="vx-library__search-form"
        onSubmit={(e) => {
          e.preventDefault();
          const q = draft.trim();
          setHint(q ? null : 'Type a word or phrase to search for.');
          setQuery(q);
        }}
      >
        <div className="vx-field">
          <label htmlFor={`${id}-q`}>Search transcripts</label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            value={draft}
            maxLength={MAX_QUERY}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby={hint ? `${id}-hint` : undefined}
            data-testid="search-input"
          />
        </div>
        <button type="submit" className="vx-button vx-button--primary">
          Search
        </button>
        {query && (
          <button
            type="button"
            className="vx-button"
            onClick={() => {
              setDraft('');
              setQuery('');
            }}
          >
            Clear search
          </button>
        )}
        {hint && (
          <p id={`${id}-hint`} className="vx-error" role="alert">
            {hint}
          </p>
        )}
      </form>
      <p className="vx-library__status" role="status" data-testid="search-status">
        {said}
      </p>
      {pages.status === 'error' && pages.items.length === 0 && (
        <div className="vx-library__state" data-testid="search-error">
          <p className="vx-error" role="alert">
            The search failed: {pages.error}
          </p>
          <button type="button" className="vx-button" onClick={pages.retry}>
            Try again
          </button>
        </div>
      )}
      {pages.items.length > 0 && (
        <ol className="vx-library__hits" aria-label={`Transcript lines matching “${query}”`} data-testid="search-results">
          {pages.items.map((hit, i) => (
            <li key={`${hit.recording.recordingId}-${hit.start}-${i}`}>
              <button type="button" className="vx-library__hit" data-testid="search-hit" ref={focus.ref(i)} onClick={() => onOpen(hit)}>
                <span className="vx-library__hit-where">{describeRecording(hit.recording)}</span>
                <span className="vx-library__hit-line">
                  <span className="vx-transcript__time">{clock(hit.start)}</span> <strong className="vx-library__hit-speaker">{hit.speaker}</strong>{' '}
                  <Highlighted text={hit.text} ranges={hit.highlights} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <LoadMore pages={pages} noun="matching lines" onRequest={() => focus.expectFrom(pages.items.length)} />
    </div>
  );
}
