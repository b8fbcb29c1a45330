import { useCallback, useEffect, useRef, useState } from 'react';

/** The message a failed call shows (the server's own wording when it gave one). */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Runs calls one at a time for a form: busy while one runs; results after unmount are dropped. */
export function useBusy(): { busy: boolean; run<T>(work: () => Promise<T>): Promise<T | undefined>; error: string | null; setError(e: string | null): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      return mounted.current ? result : undefined;
    } catch (e) {
      if (mounted.current) setError(errorText(e));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { busy, run, error, setError };
}
