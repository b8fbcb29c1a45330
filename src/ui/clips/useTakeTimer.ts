import { useEffect, useRef } from 'react';
import type { RecorderClip } from '../api/clip-api';
import { announcementBetween } from './clip-time';
import { useTakeClock } from './useTakeClock';

/**
 * The take's timer: recorded seconds (pauses excluded, at most the cap), a polite announcement at
 * each full minute and at the warning, and `onCap` once the cap is reached.
 */
export function useTakeTimer(
  recording: boolean,
  takeKey: number,
  limits: Pick<RecorderClip, 'warnAtSeconds' | 'maxSeconds'>,
  announce: (text: string) => void,
  onCap: () => void,
): number {
  const seconds = useTakeClock(recording, takeKey);
  const said = useRef(0);
  useEffect(() => {
    said.current = 0;
  }, [takeKey]);
  useEffect(() => {
    if (!recording) return;
    const text = announcementBetween(said.current, seconds, limits);
    said.current = seconds;
    if (text) announce(text);
    if (seconds >= limits.maxSeconds) onCap();
  });
  return Math.min(seconds, limits.maxSeconds);
}
