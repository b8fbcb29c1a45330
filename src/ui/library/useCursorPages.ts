import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface CursorPages<T> {
  items: T[];
  /** 'idle' before the first request (no key), then loading the first page, more, done or failed. */
  status: 'idle' | 'loading' | 'loading-more' | 'done' | 'error';
  error: string | null;
  hasMore: boolean;
  loadMore(): void;
  /** Asks again for the page that failed (the first, or the next one). */
  retry(): void;
}

/**
 * Pages of a list read by cursor: a new `key` (filters, query) starts over from the first page;
 * answers to a request made for an older key are dropped, so a slow page never lands in a new list.
 * `key` null means nothing to ask yet.
 */
export function useCursorPages<T>(key: string | null, fetchPage: (cursor: string | undefined) => Promise<Page<T>>): CursorPages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<CursorPages<T>['status']>('idle');
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback((from: string | undefined, gen: number) => {
    setStatus(from ? 'loading-more' : 'loading');
    setError(null);
    fetchRef.current(from).then(
      (page) => {
        if (gen !== generation.current) return;
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setStatus('done');
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setStatus('error');
      },
    );
  }, []);

  const restart = useCallback(() => {
    const gen = ++generation.current;
    setItems([]);
    setCursor(undefined);
    if (key === null) setStatus('idle');
    else load(undefined, gen);
  }, [key, load]);

  useEffect(restart, [restart]);

  const loadMore = useCallback(() => {
    if (cursor && status === 'done') load(cursor, generation.current);
  }, [cursor, status, load]);

  // After a failed "more", retrying asks for that page again rather than starting over.
  const retry = useCallback(() => {
    if (items.length > 0 && cursor) load(cursor, generation.current);
    else restart();
  }, [items.length, cursor, load, restart]);

  return { items, status, error, hasMore: !!cursor, loadMore, retry };
}
