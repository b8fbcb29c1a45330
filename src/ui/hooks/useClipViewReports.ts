import { useRef, type SyntheticEvent } from 'react';

/** What the player tells the server about a clip being watched (see ClipViewEventRequest). */
export interface ClipViewReport {
  event: 'opened' | 'progress' | 'ended';
  positionSeconds: number;
}

export type ReportClipView = (report: ClipViewReport) => unknown;

/** Progress goes out at most this often while playing; pause and end send at once. */
export const CLIP_PROGRESS_INTERVAL_MS = 5000;

type VideoEvent = SyntheticEvent<HTMLVideoElement>;

/**
 * The player's viewer events, throttled: `opened` at the first play, then the furthest point
 * reached while playing (not where a seek jumped to) at most every 5 s and on pause, and `ended`
 * at the end: the full length, which is what the viewer saw even when the last position read fell
 * short of it. Nothing is sent twice for the same point; a failed report is dropped (the next one
 * carries the furthest point anyway). Returns the handlers to put on the <video>; none without
 * `report`.
 */
export function useClipViewReports(report: ReportClipView | undefined, now: () => number = Date.now) {
  const state = useRef({ opened: false, ended: false, furthest: 0, sent: -1, sentAt: 0 });
  if (!report) return {};

  const send = (event: ClipViewReport['event'], positionSeconds: number) => {
    const s = state.current;
    s.sent = positionSeconds;
    s.sentAt = now();
    Promise.resolve()
      .then(() => report({ event, positionSeconds }))
      .catch(() => undefined);
  };
  const reached = (el: HTMLVideoElement) => {
    const s = state.current;
    if (Number.isFinite(el.currentTime)) s.furthest = Math.max(s.furthest, el.currentTime);
  };
  const flush = () => {
    const s = state.current;
    if (s.opened && s.furthest > s.sent) send('progress', s.furthest);
  };

  return {
    onPlay: (e: VideoEvent) => {
      const s = state.current;
      if (s.opened) return;
      s.opened = true;
      send('opened', e.currentTarget.currentTime || 0);
    },
    onTimeUpdate: (e: VideoEvent) => {
      const el = e.currentTarget;
      if (el.paused || el.seeking) return;
      reached(el);
      if (now() - state.current.sentAt >= CLIP_PROGRESS_INTERVAL_MS) flush();
    },
    onPause: (e: VideoEvent) => {
      if (!e.currentTarget.seeking) reached(e.currentTarget);
      flush();
    },
    onEnded: (e: VideoEvent) => {
      const el = e.currentTarget;
      const s = state.current;
      reached(el);
      if (Number.isFinite(el.duration)) s.furthest = Math.max(s.furthest, el.duration);
      // Once: played to the end is news; playing it to the end again is not.
      if (s.opened && !s.ended) {
        s.ended = true;
        send('ended', s.furthest);
      } else flush();
    },
  };
}
