import { useEffect, useRef } from 'react';

/**
 * After "load more", focus goes to the first item the new page brought (a keyboard user carries
 * on where the new items start, instead of from the top or from a button that may vanish).
 */
export function useFocusOnNewItems<E extends HTMLElement>(count: number) {
  const els = useRef<Array<E | null>>([]);
  const pending = useRef<number | null>(null);
  useEffect(() => {
    const at = pending.current;
    if (count === 0) pending.current = null; // the list started over: nothing to carry on from
    else if (at !== null && count > at) {
      pending.current = null;
      els.current[at]?.focus();
    }
  }, [count]);
  return {
    /** Call before asking for the next page, with how many items are shown now. */
    expectFrom: (n: number) => void (pending.current = n),
    ref: (i: number) => (el: E | null) => void (els.current[i] = el),
  };
}
