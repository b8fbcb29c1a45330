import React, { useEffect, useRef, useState } from 'react';
import { useClipViewReports, type ReportClipView } from '../hooks/useClipViewReports';

export interface TranscriptSegment {
  speaker: string;
  role: string;
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  text: string;
}

export interface RecordingPlayerProps {
  mediaUrl: string;
  captionsUrl: string;
  segments: ReadonlyArray<TranscriptSegment>;
  title?: string;
  /** Shown instead of an empty transcript (e.g. "on its way"); default: there is none. */
  transcriptNote?: React.ReactNode;
  /** Clips: where the viewer's opened/progress events go (throttled); calls have none. */
  onViewEvent?: ReportClipView;
  /** Seconds to open the recording at (e.g. a search hit's line); it plays from there when `playOnOpen`. */
  startAt?: number;
  playOnOpen?: boolean;
  /** Keep the current line scrolled into view as the recording plays (the library's player). */
  followPlayback?: boolean;
  /** The video would not load or play (a short-lived URL lapsed, the file went): the page can ask again. */
  onMediaError?: () => void;
  /** Rendered after each transcript line (the library's Edit button). */
  lineExtra?: (segment: TranscriptSegment, index: number) => React.ReactNode;
}

export const clock = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The line being spoken at `time`, or -1 between lines. */
export const currentSegment = (segments: ReadonlyArray<TranscriptSegment>, time: number): number =>
  segments.findIndex((s) => time >= s.start && time < s.end);

/** A recorded call with captions and its speaker-labelled transcript; a line click seeks there. */
export function RecordingPlayer({
  mediaUrl,
  captionsUrl,
  segments,
  title = 'Call recording',
  transcriptNote,
  onViewEvent,
  startAt,
  playOnOpen = false,
  followPlayback = false,
  onMediaError,
  lineExtra,
}: RecordingPlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const lines = useRef<Array<HTMLButtonElement | null>>([]);
  const views = useClipViewReports(onViewEvent);
  const [time, setTime] = useState(startAt ?? 0);
  const current = currentSegment(segments, time);

  // A position can only be set once the browser knows the media's duration (metadata).
  useEffect(() => {
    const el = video.current;
    if (!el || startAt === undefined) return;
    const start = () => {
      el.currentTime = startAt;
      setTime(startAt);
      if (playOnOpen) void Promise.resolve(el.play()).catch(() => undefined); // blocked autoplay: the controls stay
    };
    if (el.readyState >= 1) {
      start();
      return undefined;
    }
    el.addEventListener('loadedmetadata', start, { once: true });
    return () => el.removeEventListener('loadedmetadata', start);
  }, [startAt, playOnOpen, mediaUrl]);

  // 'nearest' leaves the page alone when the line is already visible.
  useEffect(() => {
    if (followPlayback && current >= 0) lines.current[current]?.scrollIntoView?.({ block: 'nearest' });
  }, [followPlayback, current]);

  const seek = (start: number) => {
    const el = video.current;
    if (!el) return;
    el.currentTime = start;
    setTime(start);
  };

  return (
    <figure className="vx-player" data-testid="recording-player">
      <video
        ref={video}
        controls
        preload="metadata"
        src={mediaUrl}
        data-testid="recording-video"
        aria-label={title}
        onPlay={views.onPlay}
        onPause={views.onPause}
        onEnded={views.onEnded}
        onError={onMediaError}
        onTimeUpdate={(e) => {
          setTime(e.currentTarget.currentTime);
          views.onTimeUpdate?.(e);
        }}
        style={{ width: '100%', background: '#000', borderRadius: 8 }}
      >
        {captionsUrl ? <track kind="captions" srcLang="en" label="English" src={captionsUrl} default /> : null}
      </video>
      <figcaption className="vx-player__caption">{title}</figcaption>
      {segments.length > 0 ? (
        <ol className="vx-transcript" aria-label="Transcript" data-testid="transcript">
          {segments.map((s, i) => (
            <li key={`${s.start}-${i}`}>
              <button
                type="button"
                className={`vx-transcript__line${i === current ? ' vx-transcript__line--current' : ''}`}
                aria-current={i === current ? 'true' : undefined}
                data-testid="transcript-line"
                ref={(el) => void (lines.current[i] = el)}
                onClick={() => seek(s.start)}
              >
                <span className="vx-transcript__time">{clock(s.start)}</span>{' '}
                <strong className={`vx-transcript__speaker vx-transcript__speaker--${s.role}`}>{s.speaker}</strong>{' '}
                <span>{s.text}</span>
              </button>
              {lineExtra?.(s, i)}
            </li>
          ))}
        </ol>
      ) : (
        <p className="vx-transcript__empty">{transcriptNote ?? 'No transcript for this recording.'}</p>
      )}
    </figure>
  );
}
