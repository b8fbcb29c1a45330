import { describeMedia, sniffAudio, type SniffedAudio } from './audio-format';
import { pageOf } from './paging';
import { newSid, twilioTime, type FakeTwilioState, type Resource } from './state';
import { badRequest, notFound, one, required, type Params, type Route } from './types';

const HOST = 'intelligence.twilio.com';

/**
 * Voice Intelligence (Conversational Intelligence), as strict as its pages. Rules, with their
 * sources and tests, in FIDELITY.md ("Voice Intelligence"):
 * - `media_url` is fetched exactly once, no retry, no redirect followed; any answer but 200 fails
 *   the transcript (https://www.twilio.com/docs/conversational-intelligence/limitations).
 * - The bytes must be WAV, MP3 or FLAC; anything else fails the transcript with 95104
 *   (https://www.twilio.com/docs/api/errors/95104).
 * - `channel.participants` name channel 1 and 2 (dual-channel); a participant on a channel the
 *   media does not have fails the transcript (the docs are silent: the stricter reading).
 */

/** What became of one transcript's media fetch. */
export interface MediaFetch {
  transcriptSid: string;
  url: string;
  /** HTTP status of the one GET; 0 when it never got an answer. */
  status: number;
  bytes: number;
  audio: SniffedAudio | null;
  /** Why the transcript failed on its media; `code` is Twilio's error code where its pages name one. */
  error?: { code: number | null; message: string };
}

interface IntelligenceState {
  fetches: MediaFetch[];
  /** Settles once a transcript's media is fetched and judged (never rejects). */
  checks: Map<string, Promise<MediaFetch>>;
}

// Kept beside FakeTwilioState (one per fake), so the shared state file stays as it is.
const extras = new WeakMap<FakeTwilioState, IntelligenceState>();
export function intelligenceOf(state: FakeTwilioState): IntelligenceState {
  let s = extras.get(state);
  if (!s) extras.set(state, (s = { fetches: [], checks: new Map() }));
  return s;
}
export const clearIntelligence = (state: FakeTwilioState): void => void extras.delete(state);

/** The error 95104 carries: the media is not in a format Voice Intelligence takes. */
export const UNSUPPORTED_MEDIA = 95104;

interface Participant {
  channel_participant: number;
  [k: string]: unknown;
}

/** `channel` as the create request's JSON: `media_properties.media_url` (or a `source_sid`), optional participants on channel 1 and 2. */
function parseChannel(raw: string): { channel: Record<string, unknown>; mediaUrl: string | null; participants: Participant[] } {
  let channel: unknown;
  try {
    channel = JSON.parse(raw);
  } catch {
    throw badRequest(20001, 'Channel must be valid JSON');
  }
  if (!channel || typeof channel !== 'object' || Array.isArray(channel)) throw badRequest(20001, 'Channel must be a JSON object');
  const c = channel as Record<string, unknown>;
  const media = c.media_properties as Record<string, unknown> | undefined;
  const mediaUrl = typeof media?.media_url === 'string' ? media.media_url : null;
  const sourceSid = typeof media?.source_sid === 'string' ? media.source_sid : null;
  if (!mediaUrl && !sourceSid) throw badRequest(20001, 'Channel.media_properties needs a media_url or a source_sid');
  const participants = c.participants === undefined ? [] : c.participants;
  if (!Array.isArray(participants)) throw badRequest(20001, 'Channel.participants must be an array');
  const seen = new Set<number>();
  for (const p of participants as Participant[]) {
    const n = p?.channel_participant;
    if (n !== 1 && n !== 2) throw badRequest(20001, 'Channel.participants[].channel_participant must be 1 or 2');
    if (seen.has(n)) throw badRequest(20001, `Channel.participants names channel ${n} twice`);
    seen.add(n);
  }
  return { channel: c, mediaUrl, participants: participants as Participant[] };
}

/**
 * The one GET of `media_url`. The fake reaches only this machine (tests may send nothing
 * anywhere else): another host counts as unreachable, which is what it is from here.
 */
async function fetchOnce(url: string): Promise<{ status: number; body: Buffer }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 0, body: Buffer.alloc(0) };
  }
  if (parsed.hostname !== '127.0.0.1' || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return { status: 0, body: Buffer.alloc(0) };
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  } catch {
    return { status: 0, body: Buffer.alloc(0) };
  }
}

async function checkMedia(state: FakeTwilioState, transcript: Resource, url: string, participants: Participant[]): Promise<MediaFetch> {
  const { status, body } = await fetchOnce(url);
  const audio = status === 200 ? sniffAudio(body) : null;
  const fetch: MediaFetch = { transcriptSid: String(transcript.sid), url, status, bytes: body.length, audio };
  const highest = Math.max(0, ...participants.map((p) => p.channel_participant));
  if (status !== 200) fetch.error = { code: null, message: `media_url answered ${status || 'nothing'}; fetched once, not retried` };
  else if (!audio) fetch.error = { code: UNSUPPORTED_MEDIA, message: `Unsupported media format: ${describeMedia(body)} (WAV, MP3 or FLAC only)` };
  else if (highest > audio.channels) fetch.error = { code: UNSUPPORTED_MEDIA, message: `participants name channel ${highest}; the media has ${audio.channels}` };
  intelligenceOf(state).fetches.push(fetch);
  // A transcript deleted meanwhile stays deleted.
  if (state.transcripts.get(fetch.transcriptSid) === transcript) {
    Object.assign(transcript, { status: fetch.error ? 'failed' : 'in-progress', date_updated: twilioTime() });
  }
  return fetch;
}

export function createTranscript(state: FakeTwilioState, form: Params): Resource {
  const serviceSid = required(form, 'ServiceSid');
  if (!/^GA[0-9a-f]{32}$/i.test(serviceSid)) throw badRequest(20001, 'ServiceSid must be a GA… sid');
  const { channel, mediaUrl, participants } = parseChannel(required(form, 'Channel'));
  const customerKey = one(form, 'CustomerKey');
  if (customerKey !== undefined && customerKey.length > 64) throw badRequest(20001, 'CustomerKey is longer than 64 characters');
  const sid = newSid('GT');
  const now = twilioTime();
  const url = `https://${HOST}/v2/Transcripts/${sid}`;
  const transcript: Resource = {
    account_sid: state.accountSid,
    service_sid: serviceSid,
    sid,
    date_created: now,
    date_updated: now,
    status: 'queued',
    channel,
    data_logging: false,
    language_code: 'en-US',
    customer_key: customerKey ?? null,
    media_start_time: one(form, 'MediaStartTime') ?? null,
    duration: 0,
    url,
    redaction: true,
    encryption_credential_sid: null,
    links: {
      sentences: `${url}/Sentences`,
      media: `${url}/Media`,
      operator_results: `${url}/OperatorResults`,
      encrypted_sentences: `${url}/Sentences/Encrypted`,
      encrypted_operator_results: `${url}/OperatorResults/Encrypted`,
    },
  };
  state.transcripts.set(sid, transcript);
  state.sentences.set(sid, []);
  // Twilio answers 201 at once and fetches the media afterwards, once.
  if (mediaUrl) intelligenceOf(state).checks.set(sid, checkMedia(state, transcript, mediaUrl, participants));
  return transcript;
}

/** What a test seeds: one recognised sentence; times are seconds from the start of the media. */
export interface SentenceSeed {
  transcript: string;
  startTime: number;
  endTime: number;
  /** The channel it was heard on (1 or 2; default 1): how dual-channel speakers are told apart. */
  mediaChannel?: number;
  confidence?: number;
  words?: Array<{ word: string; startTime: number; endTime: number }>;
}

export function toSentence(seed: SentenceSeed, index: number): Resource {
  return {
    media_channel: seed.mediaChannel ?? 1,
    sentence_index: index,
    start_time: seed.startTime,
    end_time: seed.endTime,
    transcript: seed.transcript,
    sid: newSid('GX'),
    confidence: seed.confidence ?? 0.9,
    words: (seed.words ?? []).map((w) => ({ word: w.word, start_time: w.startTime, end_time: w.endTime })),
  };
}

/**
 * Voice Intelligence finishes a transcript. Only one whose media was fetched and taken can finish:
 * completing a refused or unfetched one is a test bug, and said so. Sentences must be on a channel
 * the media has.
 */
export function completeTranscript(state: FakeTwilioState, sid: string, sentences: SentenceSeed[], duration?: number): Resource {
  const t = state.transcripts.get(sid);
  if (!t) throw new Error(`fake Twilio has no ${sid}`);
  const fetch = intelligenceOf(state).fetches.find((f) => f.transcriptSid === sid);
  if (t.status !== 'in-progress' || !fetch?.audio) {
    const why = fetch?.error ? `its media was refused (${fetch.error.code}: ${fetch.error.message})` : `it is ${t.status}, its media not fetched yet`;
    throw new Error(`fake Voice Intelligence cannot complete ${sid}: ${why}`);
  }
  for (const s of sentences) {
    const ch = s.mediaChannel ?? 1;
    if (ch < 1 || ch > fetch.audio.channels) throw new Error(`sentence on channel ${ch}; ${sid}'s media has ${fetch.audio.channels} channel(s)`);
  }
  state.sentences.set(sid, sentences.map(toSentence));
  const seconds = duration ?? Math.ceil(fetch.audio.durationSeconds ?? Math.max(0, ...sentences.map((s) => s.endTime)));
  return Object.assign(t, { status: 'completed', date_updated: twilioTime(), duration: seconds });
}

export function failTranscript(state: FakeTwilioState, sid: string): Resource {
  const t = state.transcripts.get(sid);
  if (!t) throw new Error(`fake Twilio has no ${sid}`);
  return Object.assign(t, { status: 'failed', date_updated: twilioTime() });
}

/**
 * The service webhook for a finished transcript, as the onboarding guide's webhook step shows it
 * (https://www.twilio.com/docs/conversational-intelligence/onboarding): a POST naming the
 * transcript and the `customer_key` given at create. Sent only for an available transcript.
 */
export function transcriptAvailableEvent(state: FakeTwilioState, sid: string): Record<string, string> {
  const t = state.transcripts.get(sid);
  if (!t || t.status !== 'completed') throw new Error(`Voice Intelligence sends no webhook for ${sid}: it is ${t?.status ?? 'gone'}`);
  return {
    account_sid: String(t.account_sid),
    service_sid: String(t.service_sid),
    transcript_sid: sid,
    ...(t.customer_key ? { customer_key: String(t.customer_key) } : {}),
    event_type: 'voice_intelligence_transcript_available',
  };
}

function findTranscript(state: FakeTwilioState, sid: string, path: string): Resource {
  const t = state.transcripts.get(sid);
  if (!t) throw notFound(path);
  return t;
}

export const intelligenceRoutes: Route[] = [
  { method: 'POST', host: HOST, path: /^\/v2\/Transcripts$/, handle: (req, _g, { state }) => ({ status: 201, body: createTranscript(state, req.form) }) },
  { method: 'GET', host: HOST, path: /^\/v2\/Transcripts\/([^/]+)$/, handle: (req, [sid], { state }) => ({ status: 200, body: findTranscript(state, sid, req.path) }) },
  {
    method: 'DELETE',
    host: HOST,
    path: /^\/v2\/Transcripts\/([^/]+)$/,
    handle: (req, [sid], { state }) => {
      // Twilio answers 204; the transcript and its sentences are gone (a second DELETE: 404).
      findTranscript(state, sid, req.path);
      state.transcripts.delete(sid);
      state.sentences.delete(sid);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v2\/Transcripts\/([^/]+)\/Sentences$/,
    handle: (req, [sid], { state }) => {
      findTranscript(state, sid, req.path);
      // Word timings only on request (WordTimestamps=true, default false); without it this fake sends `words: null`.
      const withWords = one(req.query, 'WordTimestamps') === 'true';
      const list = state.sentences.get(sid)!.map((s) => (withWords ? s : { ...s, words: null }));
      return pageOf(req, 'sentences', list);
    },
  },
];
