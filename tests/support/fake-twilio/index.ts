import { twilioRestClient, type TwilioClient } from '../../../src/adapters/twilio/twilio-client';
import { addConversationParticipant, addMessage, createConversation, findConversation } from './conversations';
import { clearIntelligence, completeTranscript, failTranscript, intelligenceOf, transcriptAvailableEvent, type MediaFetch, type SentenceSeed } from './intelligence';
import { listen, type FailureSpec } from './server';
import { FakeTwilioState, newSid, type FlexTokenSeed, type Resource } from './state';
import type { RecordedRequest } from './types';
import { completeComposition } from './video-compositions';
import { addParticipant, addRecording, completeRoom, createRoom, findRoom, type RecordingSeed } from './video-rooms';

export { loopbackHttpClient } from '../../../src/adapters/twilio/loopback-http-client';
export type { FailureSpec, RecordedRequest, Resource, SentenceSeed, RecordingSeed, FlexTokenSeed, MediaFetch };

/**
 * A fake Twilio REST API on 127.0.0.1 for contract tests: Video rooms, participants, recordings
 * and compositions; Conversations and messages; Intelligence transcripts and sentences; and the
 * IAM Flex token check. It records every request and keeps state, so reads reflect writes.
 * Point production code at it with `fake.env` (TWILIO_API_BASE_URL_FOR_TESTS).
 */
export interface FakeTwilio {
  baseUrl: string;
  env: Record<string, string>;
  accountSid: string;
  /** Credentials the fake accepts (any Basic auth is accepted; these are just plausible). */
  credentials: { accountSid: string; authToken: string; apiKeySid: string; apiKeySecret: string };
  state: FakeTwilioState;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Requests to one Twilio host, e.g. `'video.twilio.com'`. */
  requestsTo(host: string): RecordedRequest[];
  clearRequests(): void;
  /** Forgets all state, requests and pending failures. */
  reset(): void;
  /** The next matching request(s) get this error (Twilio's JSON error body). */
  failNext(spec: FailureSpec): void;
  /** A twilio client wired to the fake (through twilioRestClient, as production builds it). */
  client(): TwilioClient;

  seedRoom(options?: { uniqueName?: string; recordParticipantsOnConnect?: boolean; completed?: boolean }): Resource;
  seedParticipant(roomSidOrName: string, identity: string, status?: 'connected' | 'disconnected'): Resource;
  seedRecording(roomSid: string, seed: RecordingSeed): Resource;
  /** Ends a room as Twilio would (connected participants become disconnected). */
  completeRoom(roomSidOrName: string): Resource;
  seedConversation(options?: { sid?: string; friendlyName?: string; attributes?: Record<string, unknown> }): Resource;
  seedMessage(conversationSid: string, message: { author: string; body: string; attributes?: Record<string, unknown> }): Resource;
  /** A participant of a conversation: a chat identity, or an SMS/WhatsApp address (its bodies then count against 1,600 characters). */
  seedConversationParticipant(conversationSid: string, participant: { identity?: string; address?: string }): Resource;
  /** Parsed attributes of a conversation as the fake holds them. */
  attributesOf(conversationSid: string): Record<string, unknown>;
  /** Twilio's media engine finishing: a real file of the composition's format at `/Media` (see video-compositions.ts). */
  completeComposition(sid: string, result?: { duration?: number; size?: number; media?: Buffer }): Resource;
  failComposition(sid: string): Resource;
  /** Finishes a transcript whose media Voice Intelligence fetched and took (throws for one it refused). */
  completeTranscript(sid: string, sentences: SentenceSeed[], duration?: number): Resource;
  failTranscript(sid: string): Resource;
  /** Voice Intelligence's one fetch of a transcript's `media_url`, once it has been judged. */
  transcriptMedia(sid: string): Promise<MediaFetch>;
  /** Every media fetch Voice Intelligence made, in order (a refused one carries `error`). */
  mediaFetches(): MediaFetch[];
  /** The body of the service webhook Voice Intelligence sends for a completed transcript. */
  transcriptWebhook(sid: string): Record<string, string>;
  /** A Flex token IAM will accept (until `expiresAt`), with these roles. */
  seedFlexToken(token: string, seed: FlexTokenSeed): void;
  close(): Promise<void>;
}

export async function startFakeTwilio(options: { accountSid?: string } = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? newSid('AC');
  const state = new FakeTwilioState(accountSid);
  const server = await listen(state);
  const credentials = { accountSid, authToken: 'fake-auth-token', apiKeySid: newSid('SK'), apiKeySecret: 'fake-api-key-secret' };
  const lookup = <T>(map: Map<string, T>, sid: string): T => {
    const v = map.get(sid);
    if (!v) throw new Error(`fake Twilio has no ${sid}`);
    return v;
  };

  return {
    baseUrl: server.baseUrl,
    env: server.env,
    accountSid,
    credentials,
    state,
    requests: server.requests,
    requestsTo: (host) => server.requests.filter((r) => r.host === host),
    clearRequests: () => void server.requests.splice(0),
    reset: () => {
      state.clear();
      clearIntelligence(state);
      server.requests.splice(0);
      server.failures.splice(0);
    },
    failNext: (spec) => void server.failures.push({ ...spec }),
    client: () => twilioRestClient(credentials, server.env),

    seedRoom: (o = {}) => {
      const room = createRoom(state, {
        ...(o.uniqueName ? { UniqueName: o.uniqueName } : {}),
        RecordParticipantsOnConnect: String(o.recordParticipantsOnConnect ?? false),
      });
      if (o.completed) completeRoom(state, room);
      return room;
    },
    seedParticipant: (room, identity, status) => addParticipant(state, findRoom(state, room, room), identity, status),
    seedRecording: (roomSid, seed) => addRecording(state, lookup(state.rooms, roomSid).sid, seed),
    completeRoom: (id) => {
      const room = findRoom(state, id, id);
      completeRoom(state, room);
      return room;
    },
    seedConversation: (o = {}) =>
      createConversation(state, { FriendlyName: o.friendlyName ?? 'Chat', Attributes: JSON.stringify(o.attributes ?? {}) }, o.sid),
    seedMessage: (sid, m) =>
      addMessage(state, findConversation(state, sid, sid), { Author: m.author, Body: m.body, Attributes: JSON.stringify(m.attributes ?? {}) }),
    seedConversationParticipant: (sid, p) =>
      addConversationParticipant(state, findConversation(state, sid, sid), { ...(p.identity ? { Identity: p.identity } : {}), ...(p.address ? { 'MessagingBinding.Address': p.address } : {}) }),
    attributesOf: (sid) => JSON.parse(lookup(state.conversations, sid).attributes) as Record<string, unknown>,
    completeComposition: (sid, result) => completeComposition(state, sid, result),
    failComposition: (sid) => Object.assign(lookup(state.compositions, sid), { status: 'failed' }),
    completeTranscript: (sid, sentences, duration) => completeTranscript(state, sid, sentences, duration),
    failTranscript: (sid) => failTranscript(state, sid),
    transcriptMedia: (sid) => {
      const check = intelligenceOf(state).checks.get(sid);
      if (!check) throw new Error(`fake Voice Intelligence fetched no media for ${sid}`);
      return check;
    },
    mediaFetches: () => [...intelligenceOf(state).fetches],
    transcriptWebhook: (sid) => transcriptAvailableEvent(state, sid),
    seedFlexToken: (token, seed) => void state.flexTokens.set(token, seed),
    close: () => server.close(),
  };
}
