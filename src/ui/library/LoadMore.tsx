import React from 'react';
import type { CursorPages } from './useCursorPages';

export interface LoadMoreProps {
  pages: CursorPages<unknown>;
  /** Plural noun: "recordings", "matching lines". */
  noun: string;
  /** Called right before the next page is asked for. */
  onRequest(): void;
}

/**
 * One "load more" button throughout, never disabled, so focus stays on it while the page loads
 * or fails (it then becomes "try again", under the error).
 */
export function LoadMore({ pages, noun, onRequest }: LoadMoreProps) {
  const { status, error, hasMore, items } = pages;
  const loading = status === 'loading-more';
  const failed = status === 'error' && items.length > 0;
  if (!hasMore && !failed) return null;
  return (
    <div className="vx-library__more">
      {failed && (
        <p className="vx-error" role="alert">
          Could not load more {noun}: {error}
        </p>
      )}
      <button
        type="button"
        className="vx-button"
        data-testid="load-more"
        aria-disabled={loading ? 'true' : undefined}
        onClick={() => {
          if (loading) return;
          onRequest();
          if (failed) pages.retry();
          else pages.loadMore();
        }}
      >
        {loading ? 'Loading…' : failed ? 'Try again' : `Load more ${noun}`}
      </button>
    </div>
  );
}

/** What a paged list says in its (always present) status line. */
export function pagesStatus(pages: CursorPages<unknown>, words: { noun: string; singular: string; loading: string; empty: string }): string {
  const n = pages.items.length;
  switch (pages.status) {
    case 'idle':
      return '';
    case 'loading':
      return words.loading;
    case 'loading-more':
      return `Loading more ${words.noun}…`;
    case 'error':
      return n === 0 ? '' : `Showing ${n} ${n === 1 ? words.singular : words.noun}.`;
    default:
      return n === 0 ? words.empty : `Showing ${n} ${n === 1 ? words.singular : words.noun}${pages.hasMore ? '; there are more' : ''}.`;
  }
}
