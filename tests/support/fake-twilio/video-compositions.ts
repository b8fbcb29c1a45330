import { pageOf } from './paging';
import { newSid, twilioTime, type FakeTwilioState, type Resource } from './state';
import { badRequest, notFound, one, type Params, type Route } from './types';
import { compositionMedia } from './video-composition-media';
import { INVALID_PARAMETER, parseCompositionRequest } from './video-composition-rules';
import { freezeSources, selectionOf, selectSources } from './video-composition-sources';

export { compositionSources, type CompositionSources } from './video-composition-sources';

const HOST = 'video.twilio.com';

/**
 * `POST /v1/Compositions`, refused as Twilio documents (video-composition-rules.ts). A request on a
 * completed room that selects none of its recordings is refused too: nothing could ever be composed
 * (the docs are silent; stricter reading). On a room still in progress the recordings may yet come,
 * and Twilio starts the job "once the room is completed and all the recordings are available"
 * (twilio.com/blog/group-room-video-compositions-api.html, "How do compositions work?").
 */
export function createComposition(state: FakeTwilioState, form: Params): Resource {
  const request = parseCompositionRequest(state, form);
  const { room } = request;
  if (room.status === 'completed') {
    const sources = selectSources(state, { roomSid: room.sid, ...request });
    if (sources.audio.length + sources.video.length + sources.gone.length === 0) {
      throw badRequest(INVALID_PARAMETER, `The sources select no recording of room ${room.sid}`);
    }
  }
  const sid = newSid('CJ');
  const url = `https://${HOST}/v1/Compositions/${sid}`;
  const composition: Resource = {
    account_sid: state.accountSid,
    status: 'enqueued',
    date_created: twilioTime(),
    date_completed: null,
    date_deleted: null,
    sid,
    room_sid: room.sid,
    audio_sources: request.audioSources,
    audio_sources_excluded: request.audioSourcesExcluded,
    video_layout: request.videoLayout ?? {},
    resolution: `${request.resolution.width}x${request.resolution.height}`,
    trim: request.trim,
    format: request.format,
    bitrate: 0,
    size: 0,
    duration: 0,
    media_external_location: null,
    status_callback: request.statusCallback,
    status_callback_method: request.statusCallbackMethod,
    url,
    links: { media: `${url}/Media` },
  };
  state.compositions.set(sid, composition);
  return composition;
}

export interface CompositionResult {
  duration?: number;
  size?: number;
  /** Bytes to serve instead of the generated file (e.g. recorded speech for a transcriber). */
  media?: Buffer;
}

/**
 * Completes a composition as Twilio's media engine would, for a test to drive: only once its room
 * has completed, only with sources that still hold media (a job whose recordings were all deleted
 * fails with 53628, "Room recordings deleted", twilio.com/docs/api/errors/53628: use failComposition),
 * and with a real file of its format, resolution and duration at `/Media`. What it took is frozen
 * (compositionSources).
 */
export function completeComposition(state: FakeTwilioState, sid: string, result: CompositionResult = {}): Resource {
  const c = state.compositions.get(sid);
  if (!c) throw new Error(`fake Twilio has no composition ${sid}`);
  if (c.status === 'completed') return c; // a webhook redelivered: the same composition, unchanged
  if (c.status !== 'enqueued' && c.status !== 'processing') throw new Error(`composition ${sid} is ${String(c.status)}; it cannot complete`);
  const room = state.rooms.get(String(c.room_sid));
  if (room?.status !== 'completed') throw new Error(`composition ${sid}: Twilio composes only once room ${String(c.room_sid)} has completed`);
  const { gone, ...sources } = selectSources(state, selectionOf(c));
  if (sources.audio.length + sources.video.length === 0) {
    throw new Error(
      gone.length
        ? `composition ${sid}: every recording it selects was deleted; Twilio fails it with 53628 (use failComposition)`
        : `composition ${sid} selects no recording of room ${String(c.room_sid)}`,
    );
  }
  const [width, height] = String(c.resolution).split('x').map(Number);
  const duration = result.duration ?? 10;
  const media =
    result.media ??
    compositionMedia({ format: c.format, video: selectionOf(c).videoLayout !== null && sources.video.length > 0, audio: sources.audio.length > 0, width, height, durationSeconds: duration });
  Object.assign(c, { status: 'completed', date_completed: twilioTime(), duration, size: result.size ?? media.length, bitrate: Math.round((media.length * 8) / 1000 / Math.max(1, duration)) });
  state.compositionMedia.set(sid, media);
  freezeSources(c, sources);
  return c;
}

function findComposition(state: FakeTwilioState, sid: string, path: string): Resource {
  const composition = state.compositions.get(sid);
  if (!composition) throw notFound(path);
  return composition;
}

/** Where a completed composition's bytes are served: the fake itself stands in for Twilio's media storage. */
export const compositionMediaPath = (sid: string) => `/_media/compositions/${sid}`;

export const videoCompositionRoutes: Route[] = [
  { method: 'POST', host: HOST, path: /^\/v1\/Compositions$/, handle: (req, _g, { state }) => ({ status: 201, body: createComposition(state, req.form) }) },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Compositions$/,
    handle: (req, _g, { state }) => {
      const roomSid = one(req.query, 'RoomSid');
      const status = one(req.query, 'Status');
      const list = [...state.compositions.values()].filter((c) => (!roomSid || c.room_sid === roomSid) && (!status || c.status === status));
      return pageOf(req, 'compositions', list.reverse());
    },
  },
  {
    method: 'DELETE',
    host: HOST,
    path: /^\/v1\/Compositions\/([^/]+)$/,
    handle: (req, [sid], { state }) => {
      // Twilio answers 204; the composition and its media are gone (a second DELETE: 404).
      findComposition(state, sid, req.path);
      state.compositions.delete(sid);
      state.compositionMedia.delete(sid);
      return { status: 204 };
    },
  },
  { method: 'GET', host: HOST, path: /^\/v1\/Compositions\/([^/]+)$/, handle: (req, [sid], { state }) => ({ status: 200, body: findComposition(state, sid, req.path) }) },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Compositions\/([^/]+)\/Media$/,
    handle: (req, [sid], { state, baseUrl }) => {
      const composition = findComposition(state, sid, req.path);
      if (composition.status !== 'completed') throw notFound(req.path);
      const ttl = one(req.query, 'Ttl') ?? '3600';
      // Twilio answers 302 with the short-lived media URL both in Location and in the JSON body.
      const redirectTo = `${baseUrl}${compositionMediaPath(sid)}?Expires=${Math.floor(Date.now() / 1000) + Number(ttl)}`;
      return { status: 302, body: { redirect_to: redirectTo }, headers: { location: redirectTo } };
    },
  },
];
