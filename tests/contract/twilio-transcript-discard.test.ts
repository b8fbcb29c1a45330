import { RECORDING_NOTICE } from '../../src/domain/consent';
import type { RecordedRequest, Resource } from '../support/fake-twilio';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestVideo } from '../support/media-measure';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';
import { workerTranscripts } from './support/worker-transcripts';

/**
 * Voice Intelligence keeps its own, unredacted copy of every transcript. BACKEND=twilio through
 * the real Functions (twilio-run, PostgreSQL, signed webhooks): once a transcript's sentences are
 * read and saved (redacted) on the job, that transcript is deleted at Twilio
 * (`DELETE /v2/Transcripts/{sid}`), once; a DELETE that fails never costs the recording.
 */
jest.setTimeout(120_000);

let stack: TwilioStack;
/** A real 20 s video with sound: the card number read in it is muted by the media worker (#22), which needs real media. */
let gridMedia: Buffer;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 've-discard-'));
  await makeTestVideo(join(dir, 'grid.mp4'), 20);
  gridMedia = readFileSync(join(dir, 'grid.mp4'));
  rmSync(dir, { recursive: true, force: true });
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
});

async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const AGENT = 'flex-discard-agent-token';
const INTELLIGENCE = 'intelligence.twilio.com';
const line = (r: RecordedRequest) => `${r.method} ${r.host}${r.path}`;
let seen = 0;
/** Voice Intelligence calls since the previous look, in order. */
const intelligenceCalls = (): RecordedRequest[] => {
  const calls = stack.fake.requests.slice(seen).filter((r) => r.host === INTELLIGENCE);
  seen = stack.fake.requests.length;
  return calls;
};
const deletesOf = (sid: string) => stack.fake.requests.filter((r) => r.method === 'DELETE' && r.path === `/v2/Transcripts/${sid}`);

/** A two-person call taken to the point where both speakers' transcripts are at Voice Intelligence. */
async function callAwaitingTranscripts() {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const conversationSid = String(fake.seedConversation({ friendlyName: 'Chat with Casey' }).sid);
  const escalated = await stack.post('escalate', { Token: AGENT, conversationId: conversationSid });
  expect(escalated.status).toBe(200);
  const roomName = String(escalated.body.roomName);
  const linkToken = new URL(escalated.body.customerLink).hash.replace(/^#t=/, '');
  const joined = await stack.post('customer-token', { linkToken, action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
  expect(joined.status).toBe(200);
  const room = [...fake.state.rooms.values()].find((r) => r.unique_name === roomName) as Resource;
  const roomSid = String(room.sid);
  for (const [identity, n] of [['agent:alex', 'a'], [String(joined.body.access.identity), 'c']]) {
    const p = fake.seedParticipant(roomSid, identity);
    fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `${n}-mic`, type: 'audio' });
    fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `${n}-cam`, type: 'video' });
  }
  fake.completeRoom(roomSid);
  const ended = await stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: roomSid, RoomName: roomName, RoomStatus: 'completed' });
  expect(ended.status).toBe(200);
  const [grid, agentAudio, customerAudio] = [...fake.state.compositions.values()].filter((c) => c.room_sid === roomSid).map((c) => String(c.sid));
  const available = async (sid: string, media?: Buffer) => {
    fake.completeComposition(sid, { duration: 20, ...(media ? { media } : {}) });
    const res = await stack.webhook(`composition-status?roomName=${roomName}`, { StatusCallbackEvent: 'composition-available', CompositionSid: sid, RoomSid: roomSid, Duration: '20' });
    expect(res.status).toBe(200);
  };
  const before = new Set(fake.state.transcripts.keys());
  await available(agentAudio);
  await available(customerAudio);
  // The media worker makes each speaker's FLAC and creates the transcripts, in that order.
  const [agentT, customerT] = await workerTranscripts(fake, 2, before);
  fake.completeTranscript(String(agentT.sid), [{ transcript: 'Can you read me the card number?', startTime: 0.5, endTime: 2 }]);
  fake.completeTranscript(String(customerT.sid), [{ transcript: 'It is 4111 1111 1111 1111.', startTime: 3, endTime: 6 }]);
  const report = (t: Resource) =>
    stack.jsonWebhook('transcript-status', { account_sid: fake.accountSid, transcript_sid: t.sid, customer_key: t.customer_key, event_type: 'voice_intelligence_transcript_available' });
  const recordingMessage = () =>
    (fake.state.messages.get(conversationSid) ?? []).find((m) => JSON.parse(String(m.attributes)).type === 'video-recording');
  intelligenceCalls();
  // The message carries the transcript once the media worker has muted the card number in the video.
  const finishedMessage = () => until('the recording message with its transcript', () => {
    const m = recordingMessage();
    return m && JSON.parse(String(m.attributes)).transcriptStatus === 'ready' && m;
  });
  return { conversationSid, agentT, customerT, report, gridReady: () => available(grid, gridMedia), recordingMessage, finishedMessage };
}

const TRANSCRIPT = 'Video call recording · 0:20 · transcript\n\n[0:00] Agent: Can you read me the card number?\n[0:03] Customer: It is [card number].';
/** The recording message's body: the transcript's excerpt, then the customer's watch link (#18 part 5). */
const expectTranscriptBody = (body: unknown) => {
  const [text, link] = String(body).split('\n\nWatch it here: ');
  expect(text).toBe(TRANSCRIPT);
  expect(link).toMatch(new RegExp(`^${stack.webhookBase}/watch\\.html#t=[\\w.-]+$`));
};

describe('BACKEND=twilio: the Voice Intelligence copy of a transcript', () => {
  it('is deleted once, right after its sentences are read and saved; a repeated report deletes nothing more', async () => {
    const call = await callAwaitingTranscripts();
    const [a, c] = [String(call.agentT.sid), String(call.customerT.sid)];

    expect((await call.report(call.agentT)).status).toBe(200);
    const agentCalls = intelligenceCalls();
    expect(agentCalls.map(line)).toEqual([`GET ${INTELLIGENCE}/v2/Transcripts/${a}`, `GET ${INTELLIGENCE}/v2/Transcripts/${a}/Sentences`, `DELETE ${INTELLIGENCE}/v2/Transcripts/${a}`]);
    expect(agentCalls.map((r) => r.status)).toEqual([200, 200, 204]);
    expect(stack.fake.state.transcripts.has(a)).toBe(false);
    expect(stack.fake.state.transcripts.has(c)).toBe(true); // the other speaker's is not touched

    // Delivered again: Twilio says it is gone (404), the saved transcript stays, nothing else is sent.
    expect((await call.report(call.agentT)).status).toBe(200);
    expect(intelligenceCalls().map((r) => `${line(r)} ${r.status}`)).toEqual([`GET ${INTELLIGENCE}/v2/Transcripts/${a} 404`]);

    expect((await call.report(call.customerT)).status).toBe(200);
    expect(intelligenceCalls().map(line)).toEqual([`GET ${INTELLIGENCE}/v2/Transcripts/${c}`, `GET ${INTELLIGENCE}/v2/Transcripts/${c}/Sentences`, `DELETE ${INTELLIGENCE}/v2/Transcripts/${c}`]);
    await call.gridReady();
    expectTranscriptBody((await call.finishedMessage()).body);
    expect([deletesOf(a).length, deletesOf(c).length]).toEqual([1, 1]);
    expect(intelligenceCalls()).toEqual([]);
  });

  it('that answers the DELETE with 404 or 500 still leaves the recording attached with its transcript; a later report deletes what is left', async () => {
    const call = await callAwaitingTranscripts();
    const [a, c] = [String(call.agentT.sid), String(call.customerT.sid)];
    stack.fake.failNext({ method: 'DELETE', host: INTELLIGENCE, path: `/v2/Transcripts/${a}`, status: 404, code: 20404 });
    stack.fake.failNext({ method: 'DELETE', host: INTELLIGENCE, path: `/v2/Transcripts/${c}`, status: 500 });
    await call.gridReady();

    expect((await call.report(call.agentT)).status).toBe(200);
    expect((await call.report(call.customerT)).status).toBe(200); // the last piece: attaches, then the DELETE fails
    expect(intelligenceCalls().filter((r) => r.method === 'DELETE').map((r) => `${line(r)} ${r.status}`)).toEqual([
      `DELETE ${INTELLIGENCE}/v2/Transcripts/${a} 404`,
      `DELETE ${INTELLIGENCE}/v2/Transcripts/${c} 500`,
    ]);
    const message = await call.finishedMessage();
    expectTranscriptBody(message.body);
    const attributes = JSON.parse(String(message?.attributes)) as { recordingId: string; transcriptStatus: string };
    expect(attributes.transcriptStatus).toBe('ready');
    expect(stack.fake.attributesOf(call.conversationSid).videoRecordings).toEqual({});
    const transcript = await stack.post('recording-media', { recordingId: attributes.recordingId, file: 'transcript.json', Token: AGENT });
    expect(transcript.status).toBe(200);
    expect(JSON.stringify(transcript.body)).toContain('It is [card number].');

    // The copy the 500 left at Twilio goes with the next report of it (Twilio retries, or it is sent again).
    expect(stack.fake.state.transcripts.has(c)).toBe(true);
    expect((await call.report(call.customerT)).status).toBe(200);
    expect(intelligenceCalls().map((r) => `${line(r)} ${r.status}`)).toEqual([
      `GET ${INTELLIGENCE}/v2/Transcripts/${c} 200`,
      `DELETE ${INTELLIGENCE}/v2/Transcripts/${c} 204`,
    ]);
    expect(stack.fake.state.transcripts.has(c)).toBe(false);
    expectTranscriptBody(call.recordingMessage()?.body);
  });
});
