import type { ClipRequest, ClipResponse, RecorderClip, FunctionsContract } from '../../api/contract';
import type { ClipMode } from '../../domain/clip';
import { ApiError, requestJson } from '../../client/request-json';
import type { ClipAnnotation } from '../../domain/clip-annotations';

export type { ClipResponse, RecorderClip };
export { ApiError };

/** The `/clip` Function over HTTP: one POST per step of a take. */
export type ClipEndpoint = (body: FunctionsContract['/clip']['request']) => Promise<FunctionsContract['/clip']['response']>;

export function httpClipApi(base = '', fetchImpl?: typeof fetch): ClipEndpoint {
  const url = `${base.replace(/\/$/, '')}${'/clip' satisfies keyof FunctionsContract}`;
  return (body) => requestJson(url, { method: 'POST', body }, fetchImpl);
}

/**
 * What the recorder asks of the server for one clip, whoever records it. Each step answers with
 * where the clip stands now; `start` also carries the grant to publish into the take's room.
 */
export interface ClipTakeApi {
  check(): Promise<RecorderClip>;
  /** `noticeVersion`: the recording notice the author agreed to. */
  start(mode: ClipMode, noticeVersion: string): Promise<ClipResponse>;
  pause(): Promise<RecorderClip>;
  resume(): Promise<RecorderClip>;
  stop(): Promise<RecorderClip>;
  /** Throws the current take away on the server (its media too); the next `start` records anew. */
  retake(): Promise<RecorderClip>;
  /** `extras` (#22): what to blur or highlight, and the sender's description. */
  send(extras?: ClipSendExtras): Promise<RecorderClip>;
  discard(): Promise<RecorderClip>;
}

/** What the review step adds to Send (#22): annotations to burn in and a description for screen readers. */
export interface ClipSendExtras {
  annotations?: ClipAnnotation[];
  description?: string;
}

type Identify = () => Partial<ClipRequest>;

function takeApi(endpoint: ClipEndpoint, identify: Identify, seen: (view: RecorderClip) => void): ClipTakeApi {
  const call = async (action: Exclude<ClipRequest['action'], 'start'>, extra: Partial<ClipRequest> = {}) => {
    const { clip } = await endpoint({ action, ...identify(), ...extra });
    seen(clip);
    return clip;
  };
  return {
    check: () => call('check'),
    start: async (mode, noticeVersion) => {
      const res = await endpoint({ action: 'start', ...identify(), mode, consent: true, noticeVersion });
      seen(res.clip);
      return res;
    },
    pause: () => call('pause'),
    resume: () => call('resume'),
    stop: () => call('stop'),
    retake: () => call('retake'),
    send: (extras) => call('send', extras ?? {}),
    discard: () => call('discard'),
  };
}

/** The customer: the recording link (`linkToken`) names the clip and proves who records it. */
export function customerClipApi(endpoint: ClipEndpoint, linkToken: string): ClipTakeApi {
  return takeApi(endpoint, () => ({ linkToken }), () => undefined);
}

export interface AgentClipOptions {
  /** The agent's token at the moment of the call (Flex refreshes it: read it each time). */
  token(): string | null;
  /** The conversation a new clip goes into (a reply); used until the server names the clip. */
  conversationId?: string;
  /** An existing clip of this agent's, e.g. reopened after a reload. */
  clipId?: string;
}

/**
 * An agent: their token rides in the body the Flex way (`Token`, like escalation-api). The clip is
 * named by `clipId` once the server has answered with one; before that, by the conversation.
 * A discarded clip records again; after Send, the next recording is a new clip in the conversation.
 */
export function agentClipApi(endpoint: ClipEndpoint, options: AgentClipOptions): ClipTakeApi {
  if (!options.clipId && !options.conversationId) throw new Error('agentClipApi needs a clipId or a conversationId');
  let clipId = options.clipId;
  const withToken: ClipEndpoint = (body) => endpoint({ ...body, Token: options.token() ?? '' } as ClipRequest);
  const api = takeApi(
    withToken,
    () => (clipId ? { clipId } : { conversationId: options.conversationId }),
    (view) => {
      clipId = view.clipId;
    },
  );
  return {
    ...api,
    send: async (extras) => {
      const view = await api.send(extras);
      if (options.conversationId) clipId = undefined;
      return view;
    },
  };
}
