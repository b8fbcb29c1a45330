import { pageOf } from './paging';
import { newSid, twilioTime, type FakeTwilioState, type Resource } from './state';
import { badRequest, bool, many, notFound, one, required, type Params, type Route } from './types';

const HOST = 'video.twilio.com';

const parseJsonParam = (form: Params, key: string): unknown => {
  const raw = one(form, key);
  if (raw === undefined) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(20001, `${key} must be valid JSON`);
  }
};

export function createComposition(state: FakeTwilioState, form: Params): Resource {
  const roomSid = required(form, 'RoomSid');
  if (!state.rooms.has(roomSid)) throw badRequest(53106, 'Room not found');
  const audioSources = many(form, 'AudioSources');
  if (one(form, 'VideoLayout') === undefined && audioSources.length === 0) {
    throw badRequest(20001, 'Either VideoLayout or AudioSources must be specified');
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
    room_sid: roomSid,
    audio_sources: audioSources,
    audio_sources_excluded: many(form, 'AudioSourcesExcluded'),
    video_layout: parseJsonParam(form, 'VideoLayout'),
    resolution: one(form, 'Resolution') ?? '640x480',
    trim: bool(form, 'Trim', true),
    format: one(form, 'Format') ?? 'webm',
    bitrate: 0,
    size: 0,
    duration: 0,
    media_external_location: null,
    status_callback: one(form, 'StatusCallback') ?? null,
    status_callback_method: one(form, 'StatusCallbackMethod') ?? 'POST',
    url,
    links: { media: `${url}/Media` },
  };
  state.compositions.set(sid, composition);
  return composition;
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
