import React, { useEffect, useMemo, useRef, useState } from 'react';
import type { LibraryItem } from '../../api/library-contract';
import type { CorrectedLine, RecordingReview } from '../../api/transcript-corrections-contract';
import type { RecordingMedia } from '../api/recording-media';
import { useOpenedRecording } from '../hooks/useOpenedRecording';
import { ConversationLabel } from '../components/ConversationLabel';
import { RecordingPlayer, type TranscriptSegment } from '../components/RecordingPlayer';
import { TranscriptText } from '../components/TranscriptText';
import { useObjectUrl } from '../hooks/useObjectUrl';
import { describeRecording, downloadName, formatLength, mediaDeletedText, NOT_PLAYABLE, transcriptText, type LibraryViewerRole } from './format';
import { RecordingReviewPanel } from './RecordingReviewPanel';
import type { TranscriptCorrectionsApi } from './transcript-corrections-api';
import { speakerOptions, TranscriptLineEditor } from './TranscriptLineEditor';

export interface LibraryPlayerProps {
  item: LibraryItem;
  media: RecordingMedia;
  viewerRole: LibraryViewerRole;
  /** Where to start (a search hit's line), playing from there. */
  startAt?: number;
  /** Corrected transcripts (#22): each line gets an Edit button, the recording its review. Absent: read only. */
  corrections?: TranscriptCorrectionsApi;
  onClose(): void;
}

/**
 * One recording from the library: the shared player (captions on, the transcript beside it and
 * following playback), opened at a search hit's line when there is one, with downloads of the
 * transcript (text, WebVTT) for everyone who may watch and of the video for supervisors only.
 */
export function LibraryPlayer({ item, media, viewerRole, startAt, corrections, onClose }: LibraryPlayerProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const deleted = item.mediaDeleted;
  // Once the video is deleted, what was kept (the transcript) still opens.
  const playable = item.state === 'ready' && (!!item.mediaUrl || (!!deleted && item.hasTranscript));
  const title = `${describeRecording(item)} (${formatLength(item.durationSeconds)})`;

  // Opening moves focus here, so keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), [item.recordingId, startAt]);

  const { load, retry } = useOpenedRecording(media, item, playable);
  const [review, setReview] = useState<RecordingReview | undefined>(item.review);
  // A saved correction reopens the recording (transcript and captions as the server now has them),
  // at the corrected line, with focus back on its Edit button.
  const [saved, setSaved] = useState<{ revision: number; line: CorrectedLine } | null>(null);
  const onSaved = (line: CorrectedLine) => {
    setSaved((s) => ({ revision: (s?.revision ?? 0) + 1, line }));
    retry();
  };

  const segments = load.status === 'ready' ? load.opened.segments : null;
  const textBlob = useMemo(() => (segments && segments.length ? new Blob([transcriptText(segments)], { type: 'text/plain' }) : null), [segments]);
  const textUrl = useObjectUrl(textBlob);
  const speakers = useMemo(() => speakerOptions(segments ?? []), [segments]);
  const lineEditor =
    corrections && item.hasTranscript
      ? (segment: TranscriptSegment, index: number) => (
          <TranscriptLineEditor
            api={corrections}
            recordingId={item.recordingId}
            index={index}
            segment={segment}
            speakers={speakers}
            focusOnMount={saved?.line.line === index}
            onSaved={onSaved}
          />
        )
      : undefined;

  return (
    <section className="vx-library__player" aria-labelledby={`player-${item.recordingId}`} data-testid="library-player">
      <div className="vx-library__player-head">
        <h2 id={`player-${item.recordingId}`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="vx-button" onClick={onClose} data-testid="close-player">
          Close the player
        </button>
      </div>
      <p className="vx-library__meta">
        Agent: {item.agentName || item.agentIdentity}. Customer: {item.customerName || 'not named'}.
      </p>
      <p className="vx-library__meta" data-testid="player-conversation">
        <ConversationLabel conversationId={item.conversationId} customerName={item.customerName || 'the customer'} showName={false} />
      </p>
      {corrections && <RecordingReviewPanel api={corrections} recordingId={item.recordingId} review={review} viewerRole={viewerRole} onChange={setReview} />}
      {!playable ? (
        <p className="vx-library__state" data-testid="player-not-playable">
          {deleted ? mediaDeletedText(deleted) : item.state === 'ready' ? 'The video of this recording is not available.' : NOT_PLAYABLE[item.state]}
        </p>
      ) : load.status === 'loading' ? (
        <p className="vx-library__state" role="status" data-testid="player-loading">
          Loading the recording…
        </p>
      ) : load.status === 'error' ? (
        <div className="vx-library__state">
          <p className="vx-error" role="alert" data-testid="player-error">
            Could not open the recording: {load.message}
          </p>
          <button type="button" className="vx-button" onClick={retry}>
            Try again
          </button>
        </div>
      ) : (
        <>
          {deleted ? (
            <>
              <p className="vx-library__state" data-testid="player-media-deleted">
                {mediaDeletedText(deleted)}
              </p>
              <TranscriptText segments={load.opened.segments} lineExtra={lineEditor} />
            </>
          ) : (
          <RecordingPlayer
            key={saved?.revision ?? 0}
            mediaUrl={load.opened.videoUrl ?? ''}
            captionsUrl={load.opened.captionsUrl ?? ''}
            segments={load.opened.segments}
            title={title}
            transcriptNote={item.hasTranscript ? 'No speech was transcribed in this recording.' : 'This recording has no transcript.'}
            startAt={saved ? saved.line.start : startAt}
            playOnOpen={!saved && startAt !== undefined}
            followPlayback
            lineExtra={lineEditor}
          />
          )}
          <ul className="vx-library__downloads" aria-label="Downloads">
            {textUrl && (
              <li>
                <a className="vx-button" href={textUrl} download={downloadName(item, 'txt')} data-testid="download-text">
                  Download the transcript (text)
                </a>
              </li>
            )}
            {load.opened.captionsUrl && (
              <li>
                <a className="vx-button" href={load.opened.captionsUrl} download={downloadName(item, 'vtt')} data-testid="download-vtt">
                  Download the captions (WebVTT)
                </a>
              </li>
            )}
            {viewerRole === 'supervisor' && load.opened.videoUrl && (
              <li>
                <a className="vx-button" href={load.opened.videoUrl} download={downloadName(item, 'mp4')} data-testid="download-video">
                  Download the video
                </a>
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
