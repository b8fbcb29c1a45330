import type { ClipRef } from '../../../domain/clip';
import type { Attributes } from '../../../domain/conversation';
import type { CustomerRecordingAccess } from '../../../domain/recording-policy';
import { MESSAGE_TYPES } from '../../../domain/message-types';
import { customerAccessOf } from '../../../domain/watch-link';
import { MEDIA_DELETED_TEXT } from '../../../domain/privacy';
import type { MediaDeletedInfo } from '../../../api/privacy-contract';
import type { PipelineJob, RecordingTranscript } from '../../../domain/pipeline-job';
import type { RecordingUrls } from '../../../ports/recording-artifacts';
import { formatDuration } from './format';
import { transcriptPlainText } from './transcript';
import { clipDescriptionOf, cutAtWord, type ClipDescription } from '../../clips/clip-description';
import { SMS_BODY_MAX_CHARS } from '../../support/resolution/survey-message';

export const RECORDING_MESSAGE_TYPE = MESSAGE_TYPES.recording;
export const NOT_RECORDED_MESSAGE_TYPE = MESSAGE_TYPES.notRecorded;
export const FAILED_MESSAGE_TYPE = MESSAGE_TYPES.recordingFailed;

/** transcript.json as served to viewers: the merged transcript with word timings. */
export function transcriptDocument(job: PipelineJob, transcript: RecordingTranscript, durationSeconds: number): string {
  return JSON.stringify(
    { recordingId: job.recordingId, roomName: job.roomName, durationSeconds, ...transcript },
    null,
    2,
  );
}

/** Where the recording message's transcript stands: the card renders each. */
export type TranscriptState = 'pending' | 'ready' | 'unavailable';

const TRANSCRIPT_NOTE: Record<Exclude<TranscriptState, 'ready'>, string> = {
  pending: 'transcript to follow',
  unavailable: 'the transcript could not be made',
};

/** How much of the transcript the body quotes: enough to say what the call was about, far under SMS's 1,600 characters. */
export const BODY_EXCERPT_CHARS = 240;

/** The transcript's opening words, cut at a word, for a body that reads well as plain text. */
export function transcriptExcerpt(transcript: RecordingTranscript, max = BODY_EXCERPT_CHARS): string {
  const text = transcriptPlainText(transcript).replace(/[ \t]+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/**
 * The one chat message that carries a recording. It goes out with the video while the transcript
 * is `pending`, and is updated in place when the transcript is made (`ready`, with captions) or
 * given up (`unavailable`: the video stays).
 * - The attributes carry only what a card needs to find the rest (type, ids, state, length, and
 *   the media, captions and transcript URLs): cards load the transcript from its URL, so a long
 *   call fits Conversations' 4 KiB of message attributes.
 * - The body is what any chat client shows (Webchat, SMS, WhatsApp show nothing else): one line
 *   that says what arrived, a short excerpt of what was said, and the customer's watch link
 *   (`urls.watchUrl`, also in the attributes for the chat cards), within SMS's 1,600 characters.
 */
export function recordingMessage(
  job: PipelineJob,
  transcript: RecordingTranscript | Exclude<TranscriptState, 'ready'>,
  durationSeconds: number,
  urls: MessageUrls,
  customerAccess: CustomerRecordingAccess = 'video',
): { body: string; attributes: Attributes } {
  const head = `${recordingTitle(job)} · ${formatDuration(durationSeconds)}`;
  const ready = typeof transcript !== 'string';
  // No transcript in the body when the policy shows the customer none (nor key sentences of it).
  const showsTranscript = customerAccess !== 'none';
  const description = clipDescriptionOf(job, ready && showsTranscript ? transcript : undefined);
  let body = head;
  if (showsTranscript) {
    body = ready ? `${head} · transcript\n\n${transcriptExcerpt(transcript) || '(no speech detected)'}` : `${head} · ${TRANSCRIPT_NOTE[transcript]}`;
  }
  return {
    body: withDescriptionLine(withWatchLine(body, urls.watchUrl, customerAccessOf(job, customerAccess)), description),
    attributes: {
      type: RECORDING_MESSAGE_TYPE,
      recordingId: job.recordingId,
      roomName: job.roomName,
      escalationId: job.escalationId,
      durationSeconds,
      videoStatus: 'ready',
      mediaUrl: urls.mediaUrl,
      ...(ready ? { captionsUrl: urls.captionsUrl, transcriptUrl: urls.transcriptUrl } : {}),
      transcriptStatus: ready ? 'ready' : transcript,
      customerAccess,
      ...(urls.watchUrl ? { watchUrl: urls.watchUrl } : {}),
      ...clipAttributes(job.clip),
      ...descriptionAttributes(description),
      idempotencyKey: job.roomName,
    },
  };
}

/** The media, captions and transcript URLs, and the customer's watch link where they get one. */
export type MessageUrls = RecordingUrls & { watchUrl?: string };

/** What a recording is called where the customer reads it: an agent's clip is their reply. */
export const recordingTitle = (job: Pick<PipelineJob, 'kind' | 'clip'>): string => {
  if (job.kind !== 'clip' || !job.clip) return 'Video call recording';
  return job.clip.authorRole === 'agent' ? `${job.clip.authorName} replied with a video` : `Video clip from ${job.clip.authorName}`;
};

/**
 * The body's last line: the customer's watch link, for every channel that shows nothing but the
 * body. It is last, so the first line still says what arrived and the excerpt reads before it.
 */
export function withWatchLine(body: string, watchUrl: string | undefined, access: CustomerRecordingAccess): string {
  if (!watchUrl || access === 'none') return body;
  return `${body}\n\n${access === 'video' ? 'Watch it here' : 'Read the transcript here'}: ${watchUrl}`;
}

/** How much of a description the body quotes: a line, not a page (SMS bodies stop at 1,600 characters). */
export const BODY_DESCRIPTION_CHARS = 300;
/** The description's share of the message's 4 KiB of attributes (UTF-8, as JSON). */
export const DESCRIPTION_ATTRIBUTE_BYTES = 1200;

/**
 * The sender's description as a second line of the body, for channels that show nothing else,
 * only if the body still fits SMS. Key sentences stay out: the body quotes the transcript already.
 */
export function withDescriptionLine(body: string, description: ClipDescription | undefined): string {
  if (description?.source !== 'sender') return body;
  const [first, ...rest] = body.split('\n');
  const withLine = [first, `Description: ${cutAtWord(description.text, BODY_DESCRIPTION_CHARS)}`, ...rest].join('\n');
  return withLine.length <= SMS_BODY_MAX_CHARS ? withLine : body;
}

const jsonBytes = (text: string): number => new TextEncoder().encode(JSON.stringify(text)).length;

/** The description for the cards, cut (by characters, never mid-character) to its share of the attributes. */
function descriptionAttributes(description: ClipDescription | undefined): Attributes {
  if (!description) return {};
  const chars = [...description.text];
  let text = description.text;
  while (jsonBytes(text) > DESCRIPTION_ATTRIBUTE_BYTES) {
    chars.splice(-16);
    text = `${chars.join('').trimEnd()}…`;
  }
  return { description: text, descriptionSource: description.source };
}

/** What every clip message carries, so a card can say who sent it and the thread can be told apart from calls. */
const clipAttributes = (clip: ClipRef | undefined): Attributes =>
  clip ? { kind: 'clip', clipId: clip.clipId, authorRole: clip.authorRole, authorName: clip.authorName, clipMode: clip.mode } : { kind: 'call' };

/**
 * The clip message as it goes out at Send, before anything is composed: the card shows
 * "processing". The pipeline finds it by its idempotency key and updates it in place with the
 * video, then the transcript: one message per clip, never several.
 */
export function processingClipMessage(o: { roomName: string; clip: ClipRef; durationSeconds: number; watchUrl?: string }): { body: string; attributes: Attributes } {
  const seconds = Math.round(o.durationSeconds);
  // Nothing is transcribed yet: only the sender's own description.
  const description = clipDescriptionOf({ kind: 'clip', clip: o.clip }, undefined);
  return {
    // An SMS customer gets this first body only (see CustomerLinks.signWatch): the link is in it already.
    body: withDescriptionLine(withWatchLine(`${recordingTitle({ kind: 'clip', clip: o.clip })} · ${formatDuration(seconds)} · processing`, o.watchUrl, 'video'), description),
    attributes: {
      type: RECORDING_MESSAGE_TYPE,
      roomName: o.roomName,
      escalationId: o.clip.clipId,
      durationSeconds: seconds,
      videoStatus: 'processing',
      transcriptStatus: 'pending',
      ...(o.watchUrl ? { watchUrl: o.watchUrl } : {}),
      ...clipAttributes(o.clip),
      ...descriptionAttributes(description),
      idempotencyKey: o.roomName,
    },
  };
}

/** Posted instead when the call ran with recording off, so the chat shows why there is no video. */
export function notRecordedMessage(job: PipelineJob): { body: string; attributes: Attributes } {
  return {
    body: 'This video call was not recorded.',
    attributes: {
      type: NOT_RECORDED_MESSAGE_TYPE,
      roomName: job.roomName,
      escalationId: job.escalationId,
      reason: 'recording_off',
      idempotencyKey: job.roomName,
    },
  };
}

/**
 * Posted once when a recording cannot be processed, so the agent is not left waiting. The
 * technical reason stays in the pipeline's state and logs: the chat is shared with the customer.
 */
export function failedMessage(job: PipelineJob): { body: string; attributes: Attributes } {
  return {
    body: 'The recording of this video call could not be processed. The support team has been notified.',
    attributes: {
      type: FAILED_MESSAGE_TYPE,
      recordingId: job.recordingId,
      roomName: job.roomName,
      escalationId: job.escalationId,
      idempotencyKey: `failed:${job.roomName}`,
    },
  };
}

/** The first line's title and length ("Video call recording · 2:05"), without what followed. */
const headOf = (body: string): string => (body.split('\n')[0] ?? '').split(' · ').slice(0, 2).join(' · ');

export const TRANSCRIPT_DELETED_TEXT = 'Transcript deleted under the retention policy';

/**
 * The recording message once its media is gone (retention, PII at close): no player URL, the
 * deletion on record so the card says why, the transcript kept. Applying it twice changes nothing.
 */
export function mediaDeletedMessage(
  message: { body: string; attributes: Attributes },
  deletion: MediaDeletedInfo,
): { body: string; attributes: Attributes } {
  const { mediaUrl: _mediaUrl, ...kept } = message.attributes;
  const [, ...rest] = message.body.split('\n');
  const body = message.body.includes(MEDIA_DELETED_TEXT) ? message.body : [`${headOf(message.body)} · ${MEDIA_DELETED_TEXT}`, ...rest].join('\n');
  return { body, attributes: { ...kept, videoStatus: 'deleted', mediaDeleted: deletion } };
}

/** The recording message once its transcript and captions are gone (RETENTION_TRANSCRIPT_DAYS). */
export function transcriptDeletedMessage(message: { body: string; attributes: Attributes }, deletedAt: string): { body: string; attributes: Attributes } {
  const { transcript: _t, captionsUrl: _c, transcriptUrl: _u, ...kept } = message.attributes;
  // Key sentences are the transcript's words: they go with it; the sender's own description stays.
  if (kept.descriptionSource === 'transcript') {
    delete kept.description;
    delete kept.descriptionSource;
  }
  const head = message.body.split('\n')[0] ?? '';
  const body = head.includes(TRANSCRIPT_DELETED_TEXT) ? head : `${head} · ${TRANSCRIPT_DELETED_TEXT}`;
  return { body, attributes: { ...kept, transcriptStatus: 'deleted', transcriptDeletedAt: deletedAt } };
}
