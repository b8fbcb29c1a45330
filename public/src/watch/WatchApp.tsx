import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WatchRecording } from '../../../src/api/watch-contract';
import { formatDuration } from '../../../src/core/pipeline/text/format';
import { ApiError, type WatchApi } from '../../../src/ui/api/watch-api';
import { RecordingPlayer } from '../../../src/ui/components/RecordingPlayer';
import { TranscriptText } from '../../../src/ui/components/TranscriptText';
import type { ClipViewReport } from '../../../src/ui/hooks/useClipViewReports';
import { useObjectUrl } from '../../../src/ui/hooks/useObjectUrl';
import { BackToChat, browserHistory, type BrowserHistory } from '../join/BackToChat';
import { LinkProblem, OpeningPage, useLinkOpen } from '../join/link-page';
import { transcriptFile, transcriptFileName } from './transcript-file';
import { watchProblemFor } from './watch-problems';

export interface WatchAppProps {
  /** Null when the page was opened without a watch link. */
  api: WatchApi | null;
  history?: BrowserHistory;
}

/**
 * The customer's watch page (#18 part 5), opened from the link in a message body: on Webchat,
 * SMS and WhatsApp it is the only way to a recording. It shows what the watch Function allows:
 * the player with captions and the transcript that seeks it, the transcript alone, or why the
 * video is gone; a transcript download; and it reports how far the customer watched.
 */
export function WatchApp({ api, history = browserHistory }: WatchAppProps) {
  const open = useMemo(() => (api ? () => api.open() : null), [api]);
  const { phase, retry } = useLinkOpen(open);
  switch (phase.name) {
    case 'loading':
      return <OpeningPage text="Opening the recording…" />;
    case 'problem':
      return <LinkProblem code={phase.code} describe={watchProblemFor} onRetry={retry} history={history} />;
  }
  return <WatchPage recording={phase.value} api={api as WatchApi} history={history} />;
}

/** A lapsed video URL is asked for again at most this often (a broken file must not loop). */
const VIDEO_RETRY_MS = 20_000;

function WatchPage({ recording, api, history }: { recording: WatchRecording; api: WatchApi; history: BrowserHistory }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const initial = recording.video;
  const [video, setVideo] = useState<{ url: string | null; note: string | null }>(
    initial.state === 'ready' ? { url: initial.url, note: null } : { url: null, note: initial.message },
  );
  const lastRetry = useRef(0);
  const transcript = recording.transcript;
  const segments = transcript.state === 'ready' ? transcript.segments : [];
  const captionsBlob = useMemo(
    () => (transcript.state === 'ready' && transcript.captions ? new Blob([transcript.captions], { type: 'text/vtt' }) : null),
    [transcript],
  );
  const captionsUrl = useObjectUrl(captionsBlob);
  const fileBlob = useMemo(
    () => (transcript.state === 'ready' ? new Blob([transcriptFile(recording.title, recording.recordedAt, transcript.segments)], { type: 'text/plain' }) : null),
    [recording, transcript],
  );
  const fileUrl = useObjectUrl(fileBlob);

  // The URL lapsed (Twilio's last MEDIA_URL_TTL_SECONDS) or the video went since the page opened.
  const onMediaError = useCallback(() => {
    if (Date.now() - lastRetry.current < VIDEO_RETRY_MS) return;
    lastRetry.current = Date.now();
    api.video().then(
      ({ url }) => setVideo({ url, note: null }),
      (e) => setVideo({ url: null, note: e instanceof ApiError && e.code === 'media_deleted' ? e.message : `The video could not be loaded: ${e instanceof Error ? e.message : String(e)}` }),
    );
  }, [api]);
  const report = useCallback((r: ClipViewReport) => api.view(r), [api]);
  // The player waits for its captions file, so its <track default> is there from the start.
  const captionsPending = captionsBlob !== null && captionsUrl === null;

  return (
    <main className="page page--watch" data-testid="watch-page">
      <h1 ref={heading} tabIndex={-1}>
        {recording.title}
      </h1>
      <p className="lead">
        {formatDuration(recording.durationSeconds)} · recorded {new Date(recording.recordedAt).toLocaleString()}. This link works until{' '}
        {new Date(recording.expiresAt).toLocaleDateString()}.
      </p>
      {video.url && captionsPending ? (
        <p className="hint" role="status">
          Loading the player…
        </p>
      ) : video.url ? (
        <RecordingPlayer
          mediaUrl={video.url}
          captionsUrl={captionsUrl ?? ''}
          segments={segments}
          title={recording.title}
          transcriptNote={transcript.state === 'ready' ? undefined : transcript.message}
          onViewEvent={report}
          onMediaError={onMediaError}
        />
      ) : (
        <>
          {video.note && (
            <p className="notice" role="status" data-testid="video-note" data-video-state={recording.video.state}>
              {video.note}
            </p>
          )}
          <h2>Transcript</h2>
          {transcript.state === 'ready' ? (
            <TranscriptText segments={segments} />
          ) : (
            <p className="hint" data-testid="transcript-note">
              {transcript.message}
            </p>
          )}
        </>
      )}
      <div className="watch__actions">
        {fileUrl && (
          <a className="btn" href={fileUrl} download={transcriptFileName(recording.title, recording.recordedAt)} data-testid="download-transcript">
            Download the transcript (text)
          </a>
        )}
        <BackToChat history={history} />
      </div>
    </main>
  );
}
