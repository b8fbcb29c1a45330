/** One recorded file on the recording's timeline: seconds from the first recorded packet. */
export interface TimedSpan {
  start: number;
  end: number;
}

/** Stretch of the recording in which something was recorded without a break. */
export interface RecordedRun {
  start: number;
  end: number;
}

export interface ClipTimeline {
  /** The runs in time order; the gaps between them are what the clip leaves out. */
  runs: RecordedRun[];
  /** Each span's start on the trimmed timeline, in input order. */
  starts: number[];
  /** Length of the trimmed clip: the runs laid end to end. */
  durationSeconds: number;
}

/**
 * Cuts the pauses out of a clip. Janus starts a new file per track each time recording is turned
 * back on (janus-rooms.ts, setRecording), so a paused take is several runs of files; a run is a set
 * of files whose spans overlap (or nearly touch: `joinSeconds`, for audio and video of one run
 * starting a few ms apart). Every run is moved back by the gaps before it, so the clip plays the
 * runs back to back: no frozen or black stretch for the pause, and audio stays where its video is.
 * Idempotent: a timeline with no gaps maps onto itself.
 */
export function clipTimeline(spans: readonly TimedSpan[], joinSeconds = 0.05): ClipTimeline {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start);
  const runs: RecordedRun[] = [];
  const runOf: number[] = new Array<number>(spans.length);
  for (const i of order) {
    const s = spans[i];
    const last = runs[runs.length - 1];
    if (last && s.start <= last.end + joinSeconds) last.end = Math.max(last.end, s.end);
    else runs.push({ start: s.start, end: Math.max(s.start, s.end) });
    runOf[i] = runs.length - 1;
  }
  // Where each run begins once everything before it is laid end to end.
  const placed: number[] = [];
  let at = 0;
  for (const r of runs) {
    placed.push(at);
    at += r.end - r.start;
  }
  const starts = spans.map((s, i) => round(placed[runOf[i]] + s.start - runs[runOf[i]].start));
  return { runs, starts, durationSeconds: round(at) };
}

/** Microsecond precision: the offsets come from µs timestamps, and float noise would break idempotence. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;
