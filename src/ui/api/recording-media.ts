import type { FunctionsContract } from '../../api/contract';
import type { LibraryItem } from '../../api/library-contract';
import { ApiError, requestJson } from '../../client/request-json';
import type { TranscriptSegment } from '../components/RecordingPlayer';

/** What the player needs to play a recording: URLs its <video> and <track> load, and the lines. */
export interface OpenedRecording {
  videoUrl?: string;
  captionsUrl?: string;
  segments: TranscriptSegment[];
  /** Frees what opening made (blob URLs). */
  close(): void;
}

/**
 * A recording's media references, as a library item or a recording message carries them; a
 * message for the customer also carries their watch link (opened through the watch Function).
 */
export type RecordingRefs = Pick<LibraryItem, 'mediaUrl' | 'captionsUrl' | 'transcriptUrl' | 'hasTranscript'> & { watchUrl?: string };

/** Turns a recording's media references into something a browser player can load. */
export interface RecordingMedia {
  open(item: RecordingRefs): Promise<OpenedRecording>;
}

interface TranscriptDocument {
  segments?: TranscriptSegment[];
}

const segmentsOf = (doc: TranscriptDocument | null): TranscriptSegment[] =>
  (doc?.segments ?? []).map(({ speaker, role, start, end, text }) => ({ speaker, role, start, end, text }));

/**
 * The local stack: the URLs play as they are (the staff media cookie set at sign-in authorizes
 * <video> and <track>), and the transcript is read from its URL with that cookie.
 */
export function directRecordingMedia(fetchImpl: typeof fetch = (...a) => fetch(...a)): RecordingMedia {
  return {
    async open(item) {
      let segments: TranscriptSegment[] = [];
      if (item.hasTranscript && item.transcriptUrl) {
        const res = await fetchImpl(item.transcriptUrl, { credentials: 'same-origin' }).catch(() => null);
        if (!res) throw new ApiError('network', 'Could not reach the server. Check your connection and try again.', 0);
        if (!res.ok) throw new ApiError('transcript_unavailable', `The transcript could not be loaded (the server answered ${res.status}).`, res.status);
        segments = segmentsOf((await res.json()) as TranscriptDocument);
      }
      return { videoUrl: item.mediaUrl, captionsUrl: item.captionsUrl, segments, close: () => undefined };
    },
  };
}

/**
 * Twilio: the artifact URLs name the recording-media Function, which wants the staff token (a
 * player cannot send one). It answers the video as a short-lived URL and the captions and
 * transcript as content; the captions become a blob URL for <track>.
 */
export function functionRecordingMedia({ token, fetchImpl }: { token(): string | null; fetchImpl?: typeof fetch }): RecordingMedia {
  // The URL is the artifact's (it names /recording-media and the file); the answer is the contract's.
  type MediaAnswer = FunctionsContract['/recording-media']['response'];
  const ask = <T extends MediaAnswer>(url: string) => {
    const u = new URL(url);
    const fields = Object.fromEntries(u.searchParams);
    return requestJson<T>(`${u.origin}${u.pathname}`, { method: 'POST', body: { ...fields, Token: token() ?? '' } }, fetchImpl);
  };
  return {
    async open(item) {
      const blobs: string[] = [];
      const [video, captions, transcript] = await Promise.all([
        item.mediaUrl ? ask<Extract<MediaAnswer, { url: string }>>(item.mediaUrl) : null,
        item.hasTranscript && item.captionsUrl ? ask<Extract<MediaAnswer, { content: string }>>(item.captionsUrl) : null,
        item.hasTranscript && item.transcriptUrl ? ask<Extract<MediaAnswer, { content: string }>>(item.transcriptUrl) : null,
      ]);
      let captionsUrl: string | undefined;
      if (captions && typeof URL.createObjectURL === 'function') {
        captionsUrl = URL.createObjectURL(new Blob([captions.content], { type: 'text/vtt' }));
        blobs.push(captionsUrl);
      }
      return {
        videoUrl: video?.url,
        captionsUrl,
        segments: transcript ? segmentsOf(JSON.parse(transcript.content) as TranscriptDocument) : [],
        close: () => blobs.forEach((b) => URL.revokeObjectURL(b)),
      };
    },
  };
}
