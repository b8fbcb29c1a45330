import type { ClipViewEventRequest, ClipViewEventResponse, FunctionsContract } from '../../api/contract';
import { requestJson } from '../../client/request-json';
import type { ClipViewReporter } from '../cards/RecordingCard';

/** Staff (console, Flex): the `clip-view` Function, with the token in the body the Flex way. */
export function staffClipViews(o: { baseUrl?: string; token(): string | null; fetchImpl?: typeof fetch }): ClipViewReporter {
  type ClipViewCall = FunctionsContract['/clip-view'];
  const url = `${(o.baseUrl ?? '').replace(/\/$/, '')}${'/clip-view' satisfies keyof FunctionsContract}`;
  return (recordingId, report) =>
    requestJson<ClipViewCall['response']>(
      url,
      { method: 'POST', body: { recordingId, ...report, Token: o.token() ?? '' } satisfies ClipViewCall['request'] & { Token: string } },
      o.fetchImpl,
    );
}

/**
 * The customer in the local chat: the origin's `/media/clip-views`, which knows them by the chat
 * media cookie their player already uses (same origin: the browser sends it, no header needed).
 */
export function chatClipViews(fetchImpl?: typeof fetch): ClipViewReporter {
  return (recordingId, report) =>
    requestJson<ClipViewEventResponse>('/media/clip-views', { method: 'POST', body: { recordingId, ...report } satisfies ClipViewEventRequest }, fetchImpl);
}
