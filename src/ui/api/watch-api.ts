import type { FunctionsContract } from '../../api/contract';
import type { WatchRecording, WatchVideoResponse, WatchViewResponse } from '../../api/watch-contract';
import { ApiError, requestJson } from '../../client/request-json';
import type { ClipViewReport } from '../hooks/useClipViewReports';
import { directRecordingMedia, type RecordingMedia } from './recording-media';

export type { WatchRecording };
export { ApiError };

/** The customer's side of the `watch` Function, for one watch link. */
export interface WatchApi {
  open(): Promise<WatchRecording>;
  /** A fresh video URL (the last one lapsed); 410 `media_deleted` once retention deleted it. */
  video(): Promise<WatchVideoResponse>;
  view(report: ClipViewReport): Promise<WatchViewResponse>;
}

/** The watch Function, the link token in the body (never in a URL that servers log). */
export function httpWatchApi(linkToken: string, base = '', fetchImpl?: typeof fetch): WatchApi {
  type Watch = FunctionsContract['/watch'];
  const post = <T extends Watch['response']>(body: Watch['request']) =>
    requestJson<T>(`${base}${'/watch' satisfies keyof FunctionsContract}`, { method: 'POST', body }, fetchImpl);
  return {
    open: () => post<WatchRecording>({ action: 'open', linkToken }),
    video: () => post<WatchVideoResponse>({ action: 'video', linkToken }),
    view: (report) => post<WatchViewResponse>({ action: 'view', linkToken, ...report }),
  };
}

/** The token in a watch link (`…/watch.html#t=…`), or null. */
export function watchTokenOf(watchUrl: string): string | null {
  try {
    return new URLSearchParams(new URL(watchUrl, 'http://localhost').hash.replace(/^#/, '')).get('t');
  } catch {
    return null;
  }
}

/** A watch link's recording as a player loads it: the video URL, captions as a blob URL, the lines. */
export async function openWatched(api: WatchApi) {
  const recording = await api.open();
  let captionsUrl: string | undefined;
  if (recording.transcript.state === 'ready' && recording.transcript.captions && typeof URL.createObjectURL === 'function') {
    captionsUrl = URL.createObjectURL(new Blob([recording.transcript.captions], { type: 'text/vtt' }));
  }
  return {
    recording,
    videoUrl: recording.video.state === 'ready' ? recording.video.url : undefined,
    captionsUrl,
    segments: recording.transcript.state === 'ready' ? recording.transcript.segments : [],
    close: () => captionsUrl && URL.revokeObjectURL(captionsUrl),
  };
}

/**
 * The customer's RecordingMedia in a chat: a message that carries their watch link opens through
 * the watch Function, as the watch page does (one path on both back ends); older messages without
 * one play their URLs with the chat's own credential.
 */
export function customerRecordingMedia(o: { base?: string; fetchImpl?: typeof fetch; fallback?: RecordingMedia } = {}): RecordingMedia {
  const fallback = o.fallback ?? directRecordingMedia(o.fetchImpl);
  return {
    async open(refs) {
      const token = refs.watchUrl ? watchTokenOf(refs.watchUrl) : null;
      if (!token) return fallback.open(refs);
      const opened = await openWatched(httpWatchApi(token, o.base, o.fetchImpl));
      // The card decides what to show from the message (policy, transcript state); the video only where it asked for one.
      return { videoUrl: refs.mediaUrl ? opened.videoUrl : undefined, captionsUrl: opened.captionsUrl, segments: opened.segments, close: opened.close };
    },
  };
}
