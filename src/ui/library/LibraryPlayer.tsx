import React, { useEffect, useMemo, useRef } from 'react';
import type { LibraryItem } from '../../api/library-contract';
import type { RecordingMedia } from '../api/recording-media';
import { useOpenedRecording } from '../hooks/useOpenedRecording';
import { ConversationLabel } from '../components/ConversationLabel';
import { RecordingPlayer } from '../components/RecordingPlayer';
import { TranscriptText } from '../components/TranscriptText';
import { useObjectUrl } from '../hooks/useObjectUrl';
import { describeRecording, downloadName, formatLength, mediaDeletedText, NOT_PLAYABLE, transcriptText, type LibraryViewerRole } from './format';

export interface LibraryPlayerProps {
  item: LibraryItem;
  media: RecordingMedia;
  viewerRole: LibraryViewerRole;
  /** Where to start (a search hit's line), playing from there. */
  startAt?: number;
  onClose(): void;
}

/**
 * One recording from the library: the shared player (captions on, the transcript beside it and
 * following playback), opened at a search hit's line when there is one, with downloads of the
 * transcript (text, WebVTT) for everyone who may watch and of the video for supervisors only.
 */
export function LibraryPlayer({ item, media, viewerRole, startAt, onClose }: LibraryPlayerProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const deleted = item.mediaDeleted;
  // Once the video is deleted, what was kept (the transcript) still opens.
  const playable = item.state === 'ready' && (!!item.mediaUrl || (!!deleted && item.hasTranscript));
  const title = `${describeRecording(item)} (${formatLength(item.durationSeconds)})`;

  // Opening moves focus here, so keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), [item.recordingId, startAt]);

  const { load, retry } = useOpenedRecording(media, item, playable);

  const segments = load.status === 'ready' ? load.opened.segments : null;
  const textBlob = useMemo(() => (segments && segments.length ? new Blob([transcriptText(segments)], { type: 'text/plain' }) : null), [segments]);
  const textUrl = useObjectUrl(textBlob);

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
              <TranscriptText segments={load.opened.segments} />
            </>
          ) : (
          <RecordingPlayer
            mediaUrl={load.opened.videoUrl ?? ''}
            captionsUrl={load.opened.captionsUrl ?? ''}
            segments={load.opened.segments}
            title={title}
            transcriptNote={item.hasTranscript ? 'No speech was transcribed in this recording.' : 'This recording has no transcript.'}
            startAt={startAt}
            playOnOpen={startAt !== undefined}
            followPlayback
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
