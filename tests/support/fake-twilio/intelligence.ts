import { pageOf } from './paging';
import { newSid, twilioTime, type FakeTwilioState, type Resource } from './state';
import { badRequest, notFound, one, required, type Params, type Route } from './types';

const HOST = 'intelligence.twilio.com';

export function createTranscript(state: FakeTwilioState, form: Params): Resource {
  const serviceSid = required(form, 'ServiceSid');
  let channel: unknown;
  try {
    channel = JSON.parse(required(form, 'Channel'));
  } catch {
    throw badRequest(20001, 'Channel must be valid JSON');
  }
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
    customer_key: one(form, 'CustomerKey') ?? null,
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
  return transcript;
}

/** What a test seeds: one recognised sentence; times are seconds from the start of the media. */
export interface SentenceSeed {
  transcript: string;
  startTime: number;
  endTime: number;
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
