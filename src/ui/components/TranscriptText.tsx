import React from 'react';
import { clock, type TranscriptSegment } from './RecordingPlayer';

/** A transcript as plain lines (time, speaker, text), where there is no video to follow. */
export function TranscriptText({
  segments,
  lineExtra,
}: {
  segments: ReadonlyArray<TranscriptSegment>;
  /** Rendered after each line (the library's Edit button). */
  lineExtra?: (segment: TranscriptSegment, index: number) => React.ReactNode;
}) {
  if (segments.length === 0) return <p className="vx-transcript__empty">No speech was transcribed.</p>;
  return (
    <ol className="vx-transcript" aria-label="Transcript" data-testid="transcript">
      {segments.map((s, i) => (
        <li key={`${s.start}-${i}`} className="vx-transcript__line" data-testid="transcript-line">
          <span className="vx-transcript__time">{clock(s.start)}</span>{' '}
          <strong className={`vx-transcript__speaker vx-transcript__speaker--${s.role}`}>{s.speaker}</strong> <span>{s.text}</span>
          {lineExtra?.(s, i)}
        </li>
      ))}
    </ol>
  );
}
