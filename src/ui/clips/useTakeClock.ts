import { useEffect, useRef, useState } from 'react';

const TICK_MS = 250;

/**
 * Seconds recorded in the current take, counted only while `running` (pauses excluded), from 0
 * again whenever `takeKey` changes (a retake). Re-renders a few times a second while running.
 */
export function useTakeClock(running: boolean, takeKey: number): number {
  const banked = useRef(0);
  const since = useRef<number | null>(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    banked.current = 0;
    since.current = null;
    setTick((n) => n + 1);
  }, [takeKey]);

  useEffect(() => {
    if (!running) return undefined;
    since.current = Date.now();
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => {
      clearInterval(timer);
      if (since.current !== null) banked.current += Date.now() - since.current;
      since.current = null;
    };
  }, [running, takeKey]);

  return (banked.current + (since.current === null ? 0 : Date.now() - since.current)) / 1000;
}
