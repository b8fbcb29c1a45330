/** Recorded time as the recorder shows it: `mm:ss` (02:30), never negative. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The cap in words: "3-minute" for whole minutes, else "2:30". */
export function limitText(maxSeconds: number): string {
  return maxSeconds % 60 === 0 ? `${maxSeconds / 60}-minute` : `${Math.floor(maxSeconds / 60)}:${String(maxSeconds % 60).padStart(2, '0')}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * What the polite live region says as recorded time goes from `before` to `now` seconds: each
 * full minute and the warning near the cap, and nothing in between (a screen reader user hears a
 * few calm messages, not every second).
 */
export function announcementBetween(before: number, now: number, limits: { warnAtSeconds: number; maxSeconds: number }): string | null {
  if (now >= limits.maxSeconds) return null; // the stop says it
  if (before < limits.warnAtSeconds && now >= limits.warnAtSeconds) {
    return `${plural(Math.round(limits.maxSeconds - limits.warnAtSeconds), 'second')} left`;
  }
  const minute = Math.floor(now / 60);
  if (minute > Math.floor(before / 60) && minute > 0) return `${plural(minute, 'minute')} recorded`;
  return null;
}
