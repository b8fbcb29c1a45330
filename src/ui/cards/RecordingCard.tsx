import React, { useRef } from 'react';
import type { CustomerRecordingAccess } from '../../domain/recording-policy';
import type { ConversationMessage } from '../../domain/conversation';
import { formatDuration } from '../../core/pipeline/text/format';
import { ERASED_TEXT, MEDIA_DELETED_TEXT } from '../../domain/privacy';
import type { MediaDeletedInfo } from '../../api/privacy-contract';
import { RecordingPlayer, type TranscriptSegment } from '../components/RecordingPlayer';
import { TranscriptText } from '../components/TranscriptText';
import type { Viewer } from './LinkCard';
import { ClipViewsBadge, type ClipViews } from './ClipViewsBadge';
import type { ClipViewReport } from '../hooks/useClipViewReports';
import type { RecordingMedia } from '../api/recording-media';
import { useOpenedRecording } from '../hooks/useOpenedRecording';
import { useFieldIds } from '../hooks/useFieldIds';
import { ClipDescriptionText, useVideoDescribedBy, type DescriptionSource } from './ClipDescriptionText';

interface RecordingAttributes {
  recordingId?: string;
  mediaUrl?: string;
  captionsUrl?: string;
  transcriptUrl?: string;
  durationSeconds?: number;
  /** Messages posted before #18 carried the transcript itself; newer ones carry transcriptUrl. */
  transcript?: { segments?: TranscriptSegment[] };
  customerAccess?: CustomerRecordingAccess;
  /** A clip's message goes out at Send, while its video is still being made. */
  videoStatus?: 'processing' | 'ready';
  kind?: 'call' | 'clip';
  authorRole?: 'customer' | 'agent';
  authorName?: string;
  /** The video goes out first; the transcript follows in the same message, or is given up. */
  transcriptStatus?: 'pending' | 'ready' | 'unavailable';
  /** Clips: how far the customer watched (put on the message by the server). */
  views?: ClipViews;
  /** The customer's watch link (#18): the customer's surfaces open the recording through it. */
  watchUrl?: string;
  /** Erased on the customer's request (#11): no media, no transcript left to show. */
  erased?: boolean;
  /** The video was deleted under the retention policy (#11): the card says so instead of a player. */
  mediaDeleted?: MediaDeletedInfo;
  /** Clips (#22): the sender's description, or key sentences of the transcript, for screen readers. */
  description?: string;
  descriptionSource?: DescriptionSource;
}

/** Where a clip's viewer events go, by recording (the surface knows the viewer's credential). */
export type ClipViewReporter = (recordingId: string, report: ClipViewReport) => unknown;

/** What stands in for a transcript that is not there (yet). */
function TranscriptStatusNote({ status }: { status: RecordingAttributes['transcriptStatus'] }) {
  if (status === 'pending') {
    return (
      <span data-testid="transcript-status" data-status="pending" role="status">
        The transcript is on its way.
      </span>
    );
  }
  if (status === 'unavailable') {
    return (
      <span data-testid="transcript-status" data-status="unavailable">
        The transcript could not be made for this recording.
      </span>
    );
  }
  return null;
}

/**
 * What the card shows of a recording, loaded through the surface's RecordingMedia (the message
 * carries only URLs: Conversations caps a message's attributes at 4 KiB). Without one (an old
 * message that still carries its transcript, or a page without media access) it plays the URLs
 * as they are and shows what the attributes hold.
 */
function useRecordingContent(media: RecordingMedia | undefined, a: RecordingAttributes, withVideo: boolean) {
  const hasTranscript = a.transcriptStatus === 'ready';
  const refs = { mediaUrl: withVideo ? a.mediaUrl : undefined, captionsUrl: a.captionsUrl, transcriptUrl: a.transcriptUrl, hasTranscript, watchUrl: a.watchUrl };
  const needed = !!media && (withVideo || hasTranscript);
  const { load, retry } = useOpenedRecording(media, refs, needed);
  if (!needed || !media) {
    return { state: 'ready' as const, videoUrl: refs.mediaUrl, captionsUrl: a.captionsUrl, segments: a.transcript?.segments ?? [], retry };
  }
  if (load.status !== 'ready') return { state: load.status, message: load.status === 'error' ? load.message : '', segments: [], retry };
  return { state: 'ready' as const, videoUrl: load.opened.videoUrl, captionsUrl: load.opened.captionsUrl, segments: load.opened.segments, retry };
}

/** The card's own loading and failure lines (the card stays, the rest of the chat is unaffected). */
function ContentState({ state, message, retry }: { state: 'loading' | 'error'; message?: string; retry(): void }) {
  return state === 'loading' ? (
    <p className="card__meta" role="status" data-testid="recording-loading">
      Loading the recording…
    </p>
  ) : (
    <p className="card__meta">
      <span className="vx-error" role="alert" data-testid="recording-load-error">
        Could not open the recording: {message}
      </span>{' '}
      <button type="button" className="vx-button" onClick={retry}>
        Try again
      </button>
    </p>
  );
}

export interface RecordingCardProps {
  message: ConversationMessage;
  viewer: Viewer;
  onClipView?: ClipViewReporter;
  /** Opens the recording's media with this surface's credential (see src/ui/api/recording-media.ts). */
  media?: RecordingMedia;
}

/**
 * A recorded call in the chat. Staff get the player with captions and transcript. The customer
 * gets what the policy in the message allows (the server enforces the same policy): the player,
 * the transcript alone, or a plain note — never a player that cannot play.
 */
export function RecordingCard({ message, viewer, onClipView, media }: RecordingCardProps) {
  const a = message.attributes as RecordingAttributes;
  const clip = a.kind === 'clip';
  const length = a.durationSeconds ? ` (${formatDuration(a.durationSeconds)})` : '';
  const title = clip ? `Video clip from ${a.authorName ?? message.author}${length}` : `Video call recording${length}`;
  if (a.videoStatus === 'processing') return <ProcessingClip title={title} attributes={a} />;
  if (a.erased) return <ErasedRecording title={title} />;
  if (a.mediaDeleted) return <MediaDeletedCard title={title} attributes={a} viewer={viewer} media={media} />;
  if (!a.mediaUrl) return <p className="message__body">{message.body}</p>;
  return <PlayableRecording title={title} attributes={a} viewer={viewer} onClipView={onClipView} media={media} />;
}

function PlayableRecording({ title, attributes: a, viewer, onClipView, media }: { title: string; attributes: RecordingAttributes; viewer: Viewer; onClipView?: ClipViewReporter; media?: RecordingMedia }) {
  const clip = a.kind === 'clip';
  // An agent's clip is addressed to the customer: the recording policy is about calls.
  const access = viewer === 'agent' || (clip && a.authorRole === 'agent') ? 'video' : (a.customerAccess ?? 'video');
  const content = useRecordingContent(media, a, access === 'video');
  const waiting = a.transcriptStatus === 'pending' || a.transcriptStatus === 'unavailable';
  const recordingId = a.recordingId;
  const report = clip && recordingId && onClipView ? (r: ClipViewReport) => onClipView(recordingId, r) : undefined;
  // Only the sender's side needs to know: the agent, on the clip they sent the customer.
  const showViews = clip && a.authorRole === 'agent' && viewer === 'agent';
  const card = useRef<HTMLDivElement>(null);
  const descriptionId = `${useFieldIds('clip-description')}-text`;
  const description = a.description ? <ClipDescriptionText id={descriptionId} text={a.description} source={a.descriptionSource} /> : null;
  useVideoDescribedBy(card, description ? descriptionId : undefined);
  return (
    <div className="card card--recording" ref={card} data-testid="recording-card" data-access={access} data-kind={clip ? 'clip' : 'call'}>
      {access === 'video' ? (
        content.state !== 'ready' ? (
          <>
            <p className="card__title">{title}</p>
            <ContentState state={content.state} message={content.message} retry={content.retry} />
          </>
        ) : (
          <RecordingPlayer
            mediaUrl={content.videoUrl ?? ''}
            captionsUrl={content.captionsUrl ?? ''}
            segments={content.segments}
            title={title}
            transcriptNote={waiting ? <TranscriptStatusNote status={a.transcriptStatus} /> : undefined}
            onViewEvent={report}
          />
        )
      ) : (
        <>
          <p className="card__title">{title}</p>
          <p className="card__meta" data-testid="recording-policy-note">
            {access === 'transcript'
              ? 'The video stays with the support team. Here is what was said:'
              : 'The video and transcript stay with the support team. Ask the agent if you need them.'}
          </p>
          {access === 'transcript' &&
            (waiting ? (
              <p className="vx-transcript__empty">
                <TranscriptStatusNote status={a.transcriptStatus} />
              </p>
            ) : content.state !== 'ready' ? (
              <ContentState state={content.state} message={content.message} retry={content.retry} />
            ) : (
              <TranscriptText segments={content.segments} />
            ))}
        </>
      )}
      {description}
      {showViews && <ClipViewsBadge views={a.views} durationSeconds={a.durationSeconds} />}
    </div>
  );
}

/** The video is gone under the retention policy: why, and what was said (while kept, and the policy shows it). */
function MediaDeletedCard({ title, attributes: a, viewer, media }: { title: string; attributes: RecordingAttributes; viewer: Viewer; media?: RecordingMedia }) {
  const erased = a.mediaDeleted?.reason === 'erasure';
  const showTranscript = !erased && a.transcriptStatus === 'ready' && (viewer === 'agent' || (a.customerAccess ?? 'video') !== 'none');
  const transcriptGone = (a.transcriptStatus as string | undefined) === 'deleted';
  const content = useRecordingContent(showTranscript ? media : undefined, a, false);
  return (
    <div className="card card--recording card--media-deleted" data-testid="recording-card" data-video-status="deleted" data-kind={a.kind === 'clip' ? 'clip' : 'call'}>
      <p className="card__title">{title}</p>
      <p className="card__meta" data-testid="media-deleted-note">
        {erased ? `Video and transcript ${ERASED_TEXT}.` : `${MEDIA_DELETED_TEXT}.`}
      </p>
      {showTranscript &&
        (content.state === 'ready' ? <TranscriptText segments={content.segments} /> : <ContentState state={content.state} message={content.message} retry={content.retry} />)}
      {transcriptGone && <p className="card__meta">The transcript was deleted under the retention policy too.</p>}
    </div>
  );
}

/** A clip sent a moment ago: the card is there at once and becomes the player in place. */
function ProcessingClip({ title, attributes: a }: { title: string; attributes: RecordingAttributes }) {
  const descriptionId = `${useFieldIds('clip-description')}-text`;
  return (
    <div className="card card--recording card--processing" data-testid="recording-card" data-kind="clip" data-video-status="processing">
      <p className="card__title">{title}</p>
      <p className="card__meta" role="status">
        Processing the clip… It will play here in a moment.
      </p>
      {a.description && <ClipDescriptionText id={descriptionId} text={a.description} source={a.descriptionSource} />}
    </div>
  );
}

/** Erased on request: says so instead of a player or transcript (both are gone). */
function ErasedRecording({ title }: { title: string }) {
  return (
    <div className="card card--recording card--erased" data-testid="recording-card" data-erased="true">
      <p className="card__title">{title}</p>
      <p className="card__meta" data-testid="recording-erased">
        Video removed on request. Transcript removed on request.
      </p>
    </div>
  );
}
