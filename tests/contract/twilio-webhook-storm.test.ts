import { RECORDING_NOTICE } from '../../src/domain/consent';
import { MESSAGE_TYPES } from '../../src/domain/message-types';
import type { Resource } from '../support/fake-twilio';
import { startTwilioStack, type Reply, type TwilioStack } from './support/twilio-stack';
import { workerTranscripts } from './support/worker-transcripts';

/**
 * Twilio retries webhooks and delivers them concurrently (#18 part 6). Fifty rooms end at once and
 * every callback (room ended, each composition, each transcript) comes three times, concurrently
 * and out of order, through the Functions under twilio-run, a real PostgreSQL and the media worker.
 * Each room ends with one composition set, one transcript per speaker and one message, no 5xx.
 * And fifty recordings, one after another, in one conversation with an SMS customer: its
 * attributes stay within 16KB and every body within 1,600 characters.
 */
jest.setTimeout(600_000);

const ROOMS = 50;
const DELIVERIES = 3;
const AGENT = 'flex-agent-token';

let stack: TwilioStack;
beforeAll(async () => {
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Fisher–Yates with a fixed seed, so "out of order" is the same order every run. */
function shuffled<T>(items: T[], seed = 20261208): T[] {
  const out = [...items];
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const latencies = new Map<string, number[]>();
const statuses: { fn: string; status: number }[] = [];
/** Delivers every call `DELIVERIES` times, all at once, shuffled; records each Function's latency and status. */
async function storm(fn: string, deliveries: (() => Promise<Reply>)[]): Promise<void> {
  const all = shuffled(deliveries.flatMap((d) => Array.from({ length: DELIVERIES }, () => d)));
  await Promise.all(
    all.map(async (deliver) => {
      const t0 = performance.now();
      const reply = await deliver();
      latencies.set(fn, [...(latencies.get(fn) ?? []), performance.now() - t0]);
      statuses.push({ fn, status: reply.status });
    }),
  );
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];

interface Call {
  conversationSid: string;
  roomName: string;
  roomSid: string;
  escalationId: string;
}

/** A call on Twilio up to its end: escalated, joined, both participants recorded, the room completed. */
async function recordedCall(conversationSid: string, n: number): Promise<Call> {
  const { fake } = stack;
  const escalated = await stack.post('escalate', { Token: AGENT, conversationId: conversationSid });
  expect(escalated.status).toBe(200);
  const linkToken = new URL(escalated.body.customerLink).hash.replace(/^#t=/, '');
  const joined = await stack.post('customer-token', { linkToken, action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
  expect(joined.status).toBe(200);
  const roomSid = String(escalated.body.access.roomSid);
  for (const [i, identity] of ['agent:alex', String(joined.body.access.identity)].entries()) {
    const p = String(fake.seedParticipant(roomSid, identity).sid);
    fake.seedRecording(roomSid, { participantSid: p, trackName: `microphone-${n}${i}`, type: 'audio', duration: 20 });
    fake.seedRecording(roomSid, { participantSid: p, trackName: `camera-${n}${i}`, type: 'video', duration: 20 });
  }
  fake.completeRoom(roomSid);
  return { conversationSid, roomName: String(escalated.body.roomName), roomSid, escalationId: String(escalated.body.escalationId) };
}

const compositionsOf = (roomSid: string) => [...stack.fake.state.compositions.values()].filter((c) => c.room_sid === roomSid);
const roomEndedHook = (c: Call) => () => stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: c.roomSid, RoomName: c.roomName, RoomStatus: 'completed' });
const compositionHook = (c: Call, sid: string) => () =>
  stack.webhook(`composition-status?roomName=${c.roomName}`, { StatusCallbackEvent: 'composition-available', CompositionSid: sid, RoomSid: c.roomSid, Duration: '20' });
const parsed = (m: Resource) => JSON.parse(String(m.attributes)) as { type?: string; roomName?: string; transcriptStatus?: string };

/** Every callback of `calls` past the room's end, each delivered three times at once: compositions, then transcripts. */
async function finish(calls: Call[]): Promise<void> {
  const { fake } = stack;
  const before = new Set(fake.state.transcripts.keys());
  const compositions = calls.flatMap((c) => compositionsOf(c.roomSid).map((comp) => ({ call: c, sid: String(comp.sid) })));
  for (const c of compositions) fake.completeComposition(c.sid, { duration: 20 });
  await storm('composition-status', compositions.map((c) => compositionHook(c.call, c.sid)));
  // The media worker makes each speaker's FLAC and asks Voice Intelligence, once per speaker.
  const transcripts = await workerTranscripts(fake, calls.length * 2, before, 300_000);
  for (const t of transcripts) fake.completeTranscript(String(t.sid), [{ transcript: 'The router keeps dropping.', startTime: 1, endTime: 2.5 }]);
  const bodies = new Map(transcripts.map((t) => [String(t.sid), fake.transcriptWebhook(String(t.sid))]));
  await storm('transcript-status', transcripts.map((t) => () => stack.jsonWebhook('transcript-status', bodies.get(String(t.sid))!)));
}

/** The recording messages of these conversations once all are complete (or the deadline passes). */
async function completedRecordings(conversationSids: string[], expected: number) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const found = conversationSids.flatMap((sid) => (stack.fake.state.messages.get(sid) ?? []).filter((m) => parsed(m).type === MESSAGE_TYPES.recording));
    if (found.filter((m) => parsed(m).transcriptStatus === 'ready').length >= expected || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
}

it('fifty rooms end at once, every callback three times, concurrently and out of order: one of everything each, no 5xx', async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const calls: Call[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const sid = String(fake.seedConversation({ friendlyName: `Chat ${i}` }).sid);
    fake.seedConversationParticipant(sid, { address: `+1500555${String(i).padStart(4, '0')}` });
    calls.push(await recordedCall(sid, i));
  }
  const transcriptPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.host === 'intelligence.twilio.com' && r.path === '/v2/Transcripts').length;
  const postsBefore = transcriptPosts();

  await storm('room-status', calls.map(roomEndedHook));
  for (const c of calls) expect(compositionsOf(c.roomSid)).toHaveLength(3); // one grid, one per speaker
  await finish(calls);

  // One transcript asked of Voice Intelligence per speaker, never twice (read ones are deleted there since #11).
  expect(transcriptPosts() - postsBefore).toBe(ROOMS * 2);
  const messages = await completedRecordings(calls.map((c) => c.conversationSid), ROOMS);
  expect(messages).toHaveLength(ROOMS);
  expect(new Set(messages.map((m) => parsed(m).roomName)).size).toBe(ROOMS);
  expect(messages.every((m) => parsed(m).transcriptStatus === 'ready')).toBe(true);
  expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
  for (const [fn, xs] of latencies) {
    console.log(`figure: ${fn}_p95_ms ${p95(xs).toFixed(0)} (${xs.length} deliveries, ${DELIVERIES} per callback, concurrent)`);
    expect(p95(xs)).toBeLessThan(5000);
  }
});

it('fifty recordings in one SMS conversation: its attributes stay within 16KB, every body within 1,600 characters', async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const sid = String(fake.seedConversation({ friendlyName: 'Chat with Casey', attributes: { crm: 7 } }).sid);
  fake.seedConversationParticipant(sid, { address: '+15005550006' });
  let maxBytes = 0;
  for (let i = 0; i < ROOMS; i++) {
    const call = await recordedCall(sid, 100 + i);
    await storm('room-status', [roomEndedHook(call)]);
    await finish([call]);
    await completedRecordings([sid], i + 1);
    maxBytes = Math.max(maxBytes, Buffer.byteLength(String(fake.state.conversations.get(sid)!.attributes)));
  }
  const messages = await completedRecordings([sid], ROOMS);
  expect(messages).toHaveLength(ROOMS);
  console.log(`figure: conversation_attributes_max_bytes ${maxBytes} (over ${ROOMS} recordings in one conversation)`);
  expect(maxBytes).toBeLessThanOrEqual(16_000);
  const bodies = (fake.state.messages.get(sid) ?? []).map((m) => String(m.body ?? ''));
  expect(Math.max(...bodies.map((b) => b.length))).toBeLessThanOrEqual(1600);
  expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
});
