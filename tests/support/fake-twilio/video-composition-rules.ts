import type { FakeTwilioState, Resource } from './state';
import { badRequest, many, one, required, type Params } from './types';

/**
 * What `POST /v1/Compositions` refuses, as Twilio documents it (the table in FIDELITY.md names the
 * page behind each rule). Twilio's Compositions page names no error code for a parameter that
 * fails validation; its error dictionary's generic "400: Bad Request" (twilio.com/docs/api/errors/400,
 * "one or more request parameters did not pass validation") is what the fake answers with.
 */
export const INVALID_PARAMETER = 400;
/** twilio.com/docs/api/errors/53106 "Room not found". */
export const ROOM_NOT_FOUND = 53106;

const refuse = (message: string) => badRequest(INVALID_PARAMETER, message);

/** `Format`: "Can be: mp4 or webm and the default is webm" (Compositions resource, POST parameters). */
export const COMPOSITION_FORMATS = ['mp4', 'webm'] as const;
export type CompositionFormat = (typeof COMPOSITION_FORMATS)[number];

/**
 * `Resolution` is `{width}x{height}` with 16 <= width <= 1280, 16 <= height <= 1280 and
 * width * height <= 921,600 (Compositions resource, POST parameters; twilio-node composition.d.ts).
 */
export const RESOLUTION_LIMITS = { minSide: 16, maxSide: 1280, maxPixels: 921_600 } as const;

/** The region keys the "Specifying Video Layouts" section describes; anything else is refused (stricter reading). */
const REGION_KEYS = new Set(['x_pos', 'y_pos', 'z_pos', 'width', 'height', 'max_columns', 'max_rows', 'cells_excluded', 'reuse', 'video_sources', 'video_sources_excluded']);
const REUSE = new Set(['none', 'show_oldest', 'show_newest']);
const PARTICIPANT_SID = /^PA[0-9a-fA-F]{32}$/;

export const isParticipantSid = (source: string): boolean => PARTICIPANT_SID.test(source);

export type VideoLayout = Record<string, Record<string, unknown>>;

export interface CompositionRequest {
  room: Resource;
  audioSources: string[];
  audioSourcesExcluded: string[];
  /** Null when the request has no `VideoLayout` (an audio-only composition). */
  videoLayout: VideoLayout | null;
  resolution: { width: number; height: number };
  format: CompositionFormat;
  trim: boolean;
  statusCallback: string | null;
  statusCallbackMethod: 'GET' | 'POST';
}

export function parseResolution(raw: string | undefined): { width: number; height: number } {
  const value = raw ?? '640x480'; // documented default
  const m = /^(\d+)x(\d+)$/.exec(value);
  const [width, height] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  const { minSide, maxSide, maxPixels } = RESOLUTION_LIMITS;
  const sideOk = (n: number) => Number.isInteger(n) && n >= minSide && n <= maxSide;
  if (!sideOk(width) || !sideOk(height) || width * height > maxPixels) {
    throw refuse(`Resolution ${value} is invalid: {width}x{height}, each side ${minSide} to ${maxSide} pixels, at most ${maxPixels} pixels in all`);
  }
  return { width, height };
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function parseVideoLayout(raw: string | undefined): VideoLayout | null {
  if (raw === undefined) return null;
  let layout: unknown;
  try {
    layout = JSON.parse(raw);
  } catch {
    throw refuse('VideoLayout must be a JSON object of regions');
  }
  if (!layout || typeof layout !== 'object' || Array.isArray(layout) || Object.keys(layout).length === 0) {
    throw refuse('VideoLayout must be a JSON object with at least one region');
  }
  for (const [name, region] of Object.entries(layout as Record<string, unknown>)) {
    if (!region || typeof region !== 'object' || Array.isArray(region)) throw refuse(`VideoLayout region ${name} must be an object`);
    const r = region as Record<string, unknown>;
    const unknown = Object.keys(r).filter((k) => !REGION_KEYS.has(k));
    if (unknown.length) throw refuse(`VideoLayout region ${name} has unknown properties: ${unknown.join(', ')}`);
    // Format: "a video_layout element that contains a valid video_sources list, otherwise an error occurs".
    if (!isStringArray(r.video_sources) || r.video_sources.length === 0) throw refuse(`VideoLayout region ${name} needs a non-empty video_sources list`);
    if (r.video_sources_excluded !== undefined && !isStringArray(r.video_sources_excluded)) throw refuse(`VideoLayout region ${name}: video_sources_excluded must be a list of track names`);
    for (const k of ['x_pos', 'y_pos', 'width', 'height', 'max_columns', 'max_rows'] as const) {
      if (r[k] !== undefined && !isCount(r[k])) throw refuse(`VideoLayout region ${name}: ${k} must be a whole number of pixels`);
    }
    if (r.z_pos !== undefined && (!Number.isInteger(r.z_pos) || Math.abs(r.z_pos as number) > 99)) throw refuse(`VideoLayout region ${name}: z_pos must be an integer from -99 to 99`);
    if (r.reuse !== undefined && !REUSE.has(String(r.reuse))) throw refuse(`VideoLayout region ${name}: reuse must be none, show_oldest or show_newest`);
  }
  return layout as VideoLayout;
}

function parseBoolean(form: Params, key: string, fallback: boolean): boolean {
  const v = one(form, key);
  if (v === undefined) return fallback;
  if (v !== 'true' && v !== 'false') throw refuse(`${key} must be true or false`);
  return v === 'true';
}

/** Validates a create request against the documented rules; the room must exist and be a group room. */
export function parseCompositionRequest(state: FakeTwilioState, form: Params): CompositionRequest {
  const roomSid = required(form, 'RoomSid');
  const room = state.rooms.get(roomSid);
  if (!room) throw badRequest(ROOM_NOT_FOUND, `Room ${roomSid} not found`);
  // RoomSid: "The SID of the Group Room with the media tracks to be used as composition sources".
  if (room.type !== 'group' && room.type !== 'group-small') throw refuse(`Room ${roomSid} is a ${String(room.type)} room; only group rooms are composed`);

  const format = one(form, 'Format') ?? 'webm';
  if (!(COMPOSITION_FORMATS as readonly string[]).includes(format)) throw refuse(`Format ${format} is invalid: it can be mp4 or webm`);
  const audioSources = many(form, 'AudioSources');
  const audioSourcesExcluded = many(form, 'AudioSourcesExcluded');
  for (const s of [...audioSources, ...audioSourcesExcluded]) if (!s) throw refuse('AudioSources entries must be track names or participant SIDs');
  const videoLayout = parseVideoLayout(one(form, 'VideoLayout'));
  if (!videoLayout && audioSources.length === 0) throw refuse('Either VideoLayout or AudioSources must be specified');

  // A participant SID names someone of this room: one from elsewhere can only be a mistake (docs silent; stricter reading).
  for (const s of [...audioSources, ...audioSourcesExcluded].filter(isParticipantSid)) {
    const p = state.participants.get(s);
    if (!p || p.room_sid !== room.sid) throw refuse(`AudioSources names participant ${s}, who is not in room ${room.sid}`);
  }
  const method = (one(form, 'StatusCallbackMethod') ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw refuse('StatusCallbackMethod must be GET or POST');
  return {
    room,
    audioSources,
    audioSourcesExcluded,
    videoLayout,
    resolution: parseResolution(one(form, 'Resolution')),
    format: format as CompositionFormat,
    trim: parseBoolean(form, 'Trim', true),
    statusCallback: one(form, 'StatusCallback') ?? null,
    statusCallbackMethod: method,
  };
}
