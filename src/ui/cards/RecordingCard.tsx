import React from 'react';
import type { CustomerRecordingAccess } from '../../domain/recording-policy';
import type { ConversationMessage } from '../../domain/conversation';
import { formatDuration } from '../../core/pipeline/text/format';
import { ERASED_TEXT, MEDIA_DELETED_TEXT } from '../../domain/privacy';
import type { MediaDeletedInfo } from '../../api/privacy-contract';
import { RecordingPlayer, type TranscriptSegment } from '../components/RecordingPlayer';
import { TranscriptText } from '../components/TranscriptText';
import type { Viewer } from './LinkCard';
import { ClipViewsBadge, type ClipViews } from './ClipViewsBadge';
import type { ClipViewReport } from '../components/useClipViewReports';

interface RecordingAttributes {
  recordingId?: string;
  mediaUrl?: string;
  captionsUrl?: string;
  durationSeconds?: number;
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
  /** Erased on the customer's request (#11): no media, no transcript left to show. */
  erased?: boolean;
  /** The video was deleted under the retention policy (#11): the card says so instead of a player. */
  mediaDeleted?: MediaDeletedInfo;
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
 * A recorded call in the chat. Staff get the player with captions and transcript. The customer
 * gets what the policy in the message allows (the server enforces the same policy): the player,
 * the transcript alone, or a plain note — never a player that cannot play.
 */
export function RecordingCard({ message, viewer, onClipView }: { message: ConversationMessage; viewer: Viewer; onClipView?: ClipViewReporter }) {
  const a = message.attributes as RecordingAttributes;
  const clip = a.kind === 'clip';
  const length = a.durationSeconds ? ` (${formatDuration(a.durationSeconds)})` : '';
  const title = clip ? `Video clip from ${a.authorName ?? message.author}${length}` : `Video call recording${length}`;
  if (a.videoStatus === 'processing') return <ProcessingClip title={title} />;
  if (a.erased) return <ErasedRecording title={title} />;
  if (a.mediaDeleted) return <MediaDeletedCard title={title} attributes={a} viewer={viewer} />;
  if (!a.mediaUrl) return <p className="message__body">{message.body}</p>;
  const segments = a.transcript?.segments ?? [];
  // An agent's clip is addressed to the customer: the recording policy is about calls.
  const access = viewer === 'agent' || (clip && a.authorRole === 'agent') ? 'video' : (a.customerAccess ?? 'video');
  const waiting = a.transcriptStatus === 'pending' || a.transcriptStatus === 'unavailable';
  const recordingId = a.recordingId;
  const report = clip && recordingId && onClipView ? (r: ClipViewReport) => onClipView(recordingId, r) : undefined;
  // Only the sender's side needs to know: the agent, on the clip they sent the customer.
  const showViews = clip && a.authorRole === 'agent' && viewer === 'agent';
  return (
    <div className="card card--recording" data-testid="recording-card" data-access={access} data-kind={clip ? 'clip' : 'call'}>
      {access === 'video' ? (
        <RecordingPlayer
          mediaUrl={a.mediaUrl}
          captionsUrl={a.captionsUrl ?? ''}
          segments={segments}
          title={title}
          transcriptNote={waiting ? <TranscriptStatusNote status={a.transcriptStatus} /> : undefined}
          onViewEvent={report}
        />
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
            ) : (
              <TranscriptText segments={segments} />
            ))}
        </>
      )}
      {showViews && <ClipViewsBadge views={a.views} durationSeconds={a.durationSeconds} />}
    </div>
  );
}

/** The video is gone under the retention policy: why, and what was said (while kept, and the policy shows it). */
function MediaDeletedCard({ title, attributes: a, viewer }: { title: string; attributes: RecordingAttributes; viewer: Viewer }) {
  const erased = a.mediaDeleted?.reason === 'erasure';
  const showTranscript = !erased && a.transcriptStatus === 'ready' && (viewer === 'agent' || (a.customerAccess ?? 'video') !== 'none');
  const transcriptGone = (a.transcriptStatus as string | undefined) === 'deleted';
  return (
    <div className="card card--recording card--media-deleted" data-testid="recording-card" data-video-status="deleted" data-kind={a.kind === 'clip' ? 'clip' : 'call'}>
      <p className="card__title">{title}</p>
      <p className="card__meta" data-testid="media-deleted-note">
        {erased ? `Video and transcript ${ERASED_TEXT}.` : `${MEDIA_DELETED_TEXT}.`}
      </p>
      {showTranscript && <TranscriptText segments={a.transcript?.segments ?? []} />}
      {transcriptGone && <p className="card__meta">The transcript was deleted under the retention policy too.</p>}
    </div>
  );
}

/** A clip sent a moment ago: the card is there at once and becomes the player in place. */
function ProcessingClip({ title }: { title: string }) {
  return (
    <div className="card card--recording card--processing" data-testid="recording-card" data-kind="clip" data-video-status="processing">
      <p className="card__title">{title}</p>
      <p className="card__meta" role="status">
        Processing the clip… It will play here in a moment.
      </p>
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
