import { pageOf } from './paging';
import { newSid, twilioTime, type FakeTwilioState, type Resource } from './state';
import { badRequest, bool, int, many, notFound, one, type Params, type Route } from './types';

const HOST = 'video.twilio.com';
const roomUrl = (sid: string) => `https://${HOST}/v1/Rooms/${sid}`;

/** A room as `POST /v1/Rooms` creates it from its form parameters (defaults as Twilio documents them). */
export function createRoom(state: FakeTwilioState, form: Params): Resource {
  const name = one(form, 'UniqueName');
  if (name && [...state.rooms.values()].some((r) => r.unique_name === name && r.status === 'in-progress')) {
    throw badRequest(53113, 'Room exists');
  }
  const sid = newSid('RM');
  const now = twilioTime();
  const url = roomUrl(sid);
  const codecs = many(form, 'VideoCodecs');
  const room: Resource = {
    sid,
    status: 'in-progress',
    date_created: now,
    date_updated: now,
    account_sid: state.accountSid,
    enable_turn: true,
    unique_name: name ?? sid,
    status_callback: one(form, 'StatusCallback') ?? null,
    status_callback_method: one(form, 'StatusCallbackMethod') ?? 'POST',
    end_time: null,
    duration: null,
    type: one(form, 'Type') ?? 'group',
    max_participants: int(form, 'MaxParticipants', 50),
    max_participant_duration: int(form, 'MaxParticipantDuration', 14400),
    max_concurrent_published_tracks: 170,
    record_participants_on_connect: bool(form, 'RecordParticipantsOnConnect', false),
    video_codecs: codecs.length ? codecs : ['VP8', 'H264'],
    media_region: one(form, 'MediaRegion') ?? 'us1',
    audio_only: bool(form, 'AudioOnly', false),
    empty_room_timeout: int(form, 'EmptyRoomTimeout', 5),
    unused_room_timeout: int(form, 'UnusedRoomTimeout', 5),
    large_room: bool(form, 'LargeRoom', false),
    url,
    links: {
      participants: `${url}/Participants`,
      recordings: `${url}/Recordings`,
      recording_rules: `${url}/RecordingRules`,
      transcriptions: `${url}/Transcriptions`,
    },
  };
  state.rooms.set(sid, room);
  // A room that records everyone on connect reports the rules that say so; one that does not, none.
  setRecordingRules(state, sid, room.record_participants_on_connect ? [{ type: 'include', all: true }] : [], now);
  return room;
}

function setRecordingRules(state: FakeTwilioState, roomSid: string, rules: unknown[], now = twilioTime()): Resource {
  const previous = state.recordingRules.get(roomSid);
  const resource: Resource = { room_sid: roomSid, date_created: previous?.date_created ?? now, date_updated: now, rules };
  state.recordingRules.set(roomSid, resource);
  return resource;
}

/**
 * `Rules` as Twilio takes it: a JSON array of `{ type: include|exclude, all | publisher | track | kind }`.
 * Anything else is refused, so an adapter that sends the wrong shape fails here as it would on Twilio.
 */
function parseRecordingRules(form: Params): unknown[] {
  const raw = one(form, 'Rules');
  let rules: unknown;
  try {
    rules = JSON.parse(raw ?? '');
  } catch {
    throw badRequest(20001, 'Rules must be a JSON-encoded array of recording rules');
  }
  if (!Array.isArray(rules)) throw badRequest(20001, 'Rules must be a JSON-encoded array of recording rules');
  for (const rule of rules as Record<string, unknown>[]) {
    const keys = Object.keys(rule ?? {});
    const filters = keys.filter((k) => k !== 'type');
    const valid =
      (rule?.type === 'include' || rule?.type === 'exclude') &&
      filters.length > 0 &&
      filters.every((k) => ['all', 'publisher', 'track', 'kind'].includes(k)) &&
      (rule.all === undefined || rule.all === true) &&
      (rule.kind === undefined || ['audio', 'video', 'data'].includes(String(rule.kind)));
    if (!valid) throw badRequest(20001, `Invalid recording rule: ${JSON.stringify(rule)}`);
  }
  return rules;
}

/** A recording as the room's Recordings subresource shows it: the same track, addressed under the room. */
const asRoomRecording = (r: Resource, roomSid: string): Resource => {
  const url = `${roomUrl(roomSid)}/Recordings/${r.sid}`;
  return { ...r, room_sid: roomSid, url, links: { media: `${url}/Media` } };
};

/** A sid finds any room; a unique name only an in-progress one (Twilio frees names when rooms end). */
export function findRoom(state: FakeTwilioState, sidOrName: string, path: string): Resource {
  const bySid = state.rooms.get(sidOrName);
  if (bySid) return bySid;
  for (const r of state.rooms.values()) if (r.unique_name === sidOrName && r.status === 'in-progress') return r;
  throw notFound(path);
}

const secondsSince = (iso: string) => Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));

function disconnect(p: Resource): void {
  if (p.status !== 'connected') return;
  p.status = 'disconnected';
  p.end_time = twilioTime();
  p.date_updated = p.end_time;
  p.duration = secondsSince(p.start_time);
}

/** Ends a room the way `Status=completed` does: every connected participant is disconnected. */
export function completeRoom(state: FakeTwilioState, room: Resource): void {
  room.status = 'completed';
  room.end_time = twilioTime();
  room.date_updated = room.end_time;
  room.duration = secondsSince(room.date_created);
  for (const p of state.participants.values()) if (p.room_sid === room.sid) disconnect(p);
}

export function addParticipant(state: FakeTwilioState, room: Resource, identity: string, status: 'connected' | 'disconnected' = 'connected'): Resource {
  const sid = newSid('PA');
  const now = twilioTime();
  const url = `${roomUrl(room.sid)}/Participants/${sid}`;
  const p: Resource = {
    sid,
    room_sid: room.sid,
    account_sid: state.accountSid,
    status: 'connected',
    identity,
    date_created: now,
    date_updated: now,
    start_time: now,
    end_time: null,
    duration: null,
    url,
    links: {
      published_tracks: `${url}/PublishedTracks`,
      subscribed_tracks: `${url}/SubscribedTracks`,
      subscribe_rules: `${url}/SubscribeRules`,
      anonymize: `${url}/Anonymize`,
    },
  };
  if (status === 'disconnected') disconnect(p);
  state.participants.set(sid, p);
  return p;
}

export interface RecordingSeed {
  participantSid: string;
  trackName: string;
  type: 'audio' | 'video' | 'data';
  duration?: number;
  /** Bytes of media; 0 for a track that never sent a packet. */
  size?: number;
  status?: 'processing' | 'completed' | 'deleted' | 'failed';
}

export function addRecording(state: FakeTwilioState, roomSid: string, seed: RecordingSeed): Resource {
  const sid = newSid('RT');
  const url = `https://${HOST}/v1/Recordings/${sid}`;
  const recording: Resource = {
    account_sid: state.accountSid,
    status: seed.status ?? 'completed',
    date_created: twilioTime(),
    sid,
    source_sid: newSid('MT'),
    size: seed.size ?? 4096,
    url,
    type: seed.type,
    duration: seed.duration ?? (seed.size === 0 ? 0 : 10),
    container_format: seed.type === 'video' ? 'mkv' : 'mka',
    codec: seed.type === 'video' ? 'VP8' : seed.type === 'audio' ? 'opus' : null,
    grouping_sids: { room_sid: roomSid, participant_sid: seed.participantSid },
    track_name: seed.trackName,
    offset: 0,
    media_external_location: null,
    status_callback: null,
    status_callback_method: 'POST',
    links: { media: `${url}/Media` },
  };
  state.recordings.set(sid, recording);
  return recording;
}

/** A participant by sid (any status) or by identity (the connected one). */
function findParticipant(state: FakeTwilioState, room: Resource, sidOrIdentity: string, path: string): Resource {
  const bySid = state.participants.get(sidOrIdentity);
  if (bySid && bySid.room_sid === room.sid) return bySid;
  for (const p of state.participants.values()) {
    if (p.room_sid === room.sid && p.identity === sidOrIdentity && p.status === 'connected') return p;
  }
  throw notFound(path);
}

const newestFirst = <T>(items: T[]): T[] => [...items].reverse();

export const videoRoomRoutes: Route[] = [
  { method: 'POST', host: HOST, path: /^\/v1\/Rooms$/, handle: (req, _g, { state }) => ({ status: 201, body: createRoom(state, req.form) }) },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Rooms$/,
    handle: (req, _g, { state }) => {
      const status = one(req.query, 'Status');
      const name = one(req.query, 'UniqueName');
      const rooms = [...state.rooms.values()].filter((r) => (!status || r.status === status) && (!name || r.unique_name === name));
      return pageOf(req, 'rooms', newestFirst(rooms));
    },
  },
  { method: 'GET', host: HOST, path: /^\/v1\/Rooms\/([^/]+)$/, handle: (req, [id], { state }) => ({ status: 200, body: findRoom(state, id, req.path) }) },
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Rooms\/([^/]+)$/,
    handle: (req, [id], { state }) => {
      const room = findRoom(state, id, req.path);
      if (one(req.form, 'Status') !== 'completed' || room.status !== 'in-progress') {
        throw badRequest(53112, 'Room status is invalid or the Room is not in-progress');
      }
      completeRoom(state, room);
      return { status: 200, body: room };
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Rooms\/([^/]+)\/Participants$/,
    handle: (req, [id], { state }) => {
      const room = findRoom(state, id, req.path);
      // Documented default: connected for in-progress rooms, disconnected for completed ones.
      const status = one(req.query, 'Status') ?? (room.status === 'in-progress' ? 'connected' : 'disconnected');
      const identity = one(req.query, 'Identity');
      const list = [...state.participants.values()].filter(
        (p) => p.room_sid === room.sid && p.status === status && (!identity || p.identity === identity),
      );
      return pageOf(req, 'participants', list);
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Rooms\/([^/]+)\/Participants\/([^/]+)$/,
    handle: (req, [id, p], { state }) => ({ status: 200, body: findParticipant(state, findRoom(state, id, req.path), p, req.path) }),
  },
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Rooms\/([^/]+)\/Participants\/([^/]+)$/,
    handle: (req, [id, sidOrIdentity], { state }) => {
      const participant = findParticipant(state, findRoom(state, id, req.path), sidOrIdentity, req.path);
      if (one(req.form, 'Status') !== 'disconnected') throw badRequest(53209, 'Participant status is invalid');
      disconnect(participant);
      return { status: 200, body: participant };
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Recordings$/,
    handle: (req, _g, { state }) => {
      const grouping = many(req.query, 'GroupingSid');
      const source = one(req.query, 'SourceSid');
      const status = one(req.query, 'Status');
      const mediaType = one(req.query, 'MediaType');
      const list = [...state.recordings.values()].filter(
        (r) =>
          grouping.every((g) => Object.values(r.grouping_sids).includes(g)) &&
          (!source || r.source_sid === source) &&
          (!status || r.status === status) &&
          (!mediaType || r.type === mediaType),
      );
      return pageOf(req, 'recordings', newestFirst(list));
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Rooms\/([^/]+)\/RecordingRules$/,
    handle: (req, [id], { state }) => ({ status: 200, body: state.recordingRules.get(findRoom(state, id, req.path).sid) }),
  },
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Rooms\/([^/]+)\/RecordingRules$/,
    handle: (req, [id], { state }) => {
      const room = findRoom(state, id, req.path);
      return { status: 200, body: setRecordingRules(state, room.sid, parseRecordingRules(req.form)) };
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Rooms\/([^/]+)\/Recordings$/,
    handle: (req, [id], { state }) => {
      const room = findRoom(state, id, req.path);
      const status = one(req.query, 'Status');
      const source = one(req.query, 'SourceSid');
      const list = [...state.recordings.values()].filter(
        (r) => r.grouping_sids.room_sid === room.sid && (!status || r.status === status) && (!source || r.source_sid === source),
      );
      return pageOf(req, 'recordings', newestFirst(list).map((r) => asRoomRecording(r, room.sid)));
    },
  },
  {
    method: 'DELETE',
    host: HOST,
    path: /^\/v1\/Recordings\/([^/]+)$/,
    handle: (req, [sid], { state }) => {
      const recording = state.recordings.get(sid);
      // Twilio keeps a deleted recording's metadata (status `deleted`); its media is gone, so a second
      // DELETE finds nothing: answered 404 here (Twilio does not document this answer).
      if (!recording || recording.status === 'deleted') throw notFound(req.path);
      recording.status = 'deleted';
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Recordings\/([^/]+)$/,
    handle: (req, [sid], { state }) => {
      const recording = state.recordings.get(sid);
      if (!recording) throw notFound(req.path);
      return { status: 200, body: recording };
    },
  },
];
