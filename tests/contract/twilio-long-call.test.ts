/**
 * One long call through the strict fake (#18, "Must show"): thirty minutes, three speakers (the
 * agent, the customer and a supervisor who barged in), from the room-ended webhook to the one
 * recording message, through the deployed-shape Functions, the media worker and a real PostgreSQL.
 * Every message fits Conversations, each audio composition holds exactly one participant, Voice
 * Intelligence gets FLAC only, and each line of the transcript carries its own speaker's label.
 */
import { newTrackNameSuffix, trackNamesFor } from '../../src/client/twilio/track-source';
import { RECORDING_NOTICE } from '../../src/domain/consent';
import { MESSAGE_TYPES } from '../../src/domain/message-types';
import { compositionSources } from '../support/fake-twilio/video-compositions';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';
import { viMediaRejected, workerTranscripts } from './support/worker-transcripts';

jest.setTimeout(300_000);

const MINUTES = 30;
const AGENT = 'flex-agent-token-long';
const SUPERVISOR = 'flex-supervisor-token-long';

let stack: TwilioStack;
beforeAll(async () => {
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
});

it('a 30-minute, three-speaker call ends as one message that fits, with FLAC to Voice Intelligence and every line labelled', async () => {
  const { fake } = stack;
  const seconds = MINUTES * 60;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  fake.seedFlexToken(SUPERVISOR, { identity: 'sue', roles: ['supervisor'] });
  const conversationSid = String(fake.seedConversation({ friendlyName: 'Chat with Casey' }).sid);
  fake.seedConversationParticipant(conversationSid, { address: '+15005550006' });

  const escalated = await stack.post('escalate', { Token: AGENT, conversationId: conversationSid });
  const { roomName, roomSid } = escalated.body.access as { roomName: string; roomSid: string };
  const linkToken = new URL(escalated.body.customerLink).hash.replace(/^#t=/, '');
  const joined = await stack.post('customer-token', { linkToken, action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
  const barged = await stack.post('monitor', { Token: SUPERVISOR, action: 'start', escalationId: escalated.body.escalationId, bargeIn: true });
  expect([escalated.status, joined.status, barged.status]).toEqual([200, 200, 200]);
  const speakers = [
    { identity: 'agent:alex', label: 'Agent', says: 'agent line' },
    { identity: String(joined.body.access.identity), label: 'Customer', says: 'customer line' },
    { identity: String(barged.body.access.identity), label: 'Supervisor', says: 'supervisor line' },
  ].map((s, i) => {
    const names = trackNamesFor(newTrackNameSuffix());
    const participantSid = String(fake.seedParticipant(roomSid, s.identity).sid);
    fake.seedRecording(roomSid, { participantSid, trackName: names.microphone, type: 'audio', duration: seconds });
    if (i < 2) fake.seedRecording(roomSid, { participantSid, trackName: names.camera, type: 'video', duration: seconds });
    return { ...s, participantSid };
  });
  fake.completeRoom(roomSid);
  const before = new Set(fake.state.transcripts.keys());

  expect((await stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: roomSid, RoomName: roomName, RoomStatus: 'completed' })).status).toBe(200);
  const [grid, ...perSpeaker] = [...fake.state.compositions.values()].filter((c) => c.room_sid === roomSid).map((c) => String(c.sid));
  const foreign = perSpeaker.reduce((n, sid, i) => n + compositionSources(fake.state, sid).participants.filter((p) => p !== speakers[i].participantSid).length, 0);
  console.log(`figure: per_speaker_foreign_participants ${foreign}`);
  expect(foreign).toBe(0);
  expect(perSpeaker).toHaveLength(3);

  for (const sid of [grid, ...perSpeaker]) {
    fake.completeComposition(sid, { duration: seconds });
    const r = await stack.webhook(`composition-status?roomName=${roomName}`, { StatusCallbackEvent: 'composition-available', CompositionSid: sid, RoomSid: roomSid, Duration: String(seconds) });
    expect(r.status).toBe(200);
  }

  // The worker makes a 30-minute FLAC per speaker; Voice Intelligence takes each (and nothing else).
  const transcripts = await workerTranscripts(fake, 3, before, 240_000);
  const rejected = viMediaRejected(fake);
  console.log(`figure: vi_media_rejected ${rejected.length}`);
  expect(rejected).toEqual([]);
  expect(fake.mediaFetches().filter((f) => transcripts.some((t) => t.sid === f.transcriptSid)).map((f) => f.audio?.format)).toEqual(['flac', 'flac', 'flac']);

  // Each speaker talks every 9 s for the whole call, in turn: 200 sentences each.
  const speakerOf = new Map(transcripts.map((t) => [String(t.sid), speakers.find((s) => JSON.parse(String(fake.requests.find((r) => r.method === 'POST' && r.path === '/v2/Transcripts' && r.form.CustomerKey === t.customer_key)?.form.Channel)).participants[0].user_id === s.identity)!]));
  for (const t of transcripts) {
    const s = speakerOf.get(String(t.sid))!;
    const offset = speakers.indexOf(s) * 3;
    fake.completeTranscript(
      String(t.sid),
      Array.from({ length: 200 }, (_, n) => ({ transcript: `${s.says} ${n} about the router`, startTime: offset + n * 9, endTime: offset + n * 9 + 2 })),
      seconds,
    );
    expect((await stack.jsonWebhook('transcript-status', fake.transcriptWebhook(String(t.sid)))).status).toBe(200);
  }

  // One message; every version of it that was posted or updated fits Conversations.
  const deadline = Date.now() + 60_000;
  let message;
  do {
    message = (fake.state.messages.get(conversationSid) ?? []).find((m) => JSON.parse(String(m.attributes)).type === MESSAGE_TYPES.recording && JSON.parse(String(m.attributes)).transcriptStatus === 'ready');
    if (!message) await new Promise((r) => setTimeout(r, 250));
  } while (!message && Date.now() < deadline);
  expect(message).toBeDefined();
  const writes = fake.requestsTo('conversations.twilio.com').filter((r) => r.method === 'POST' && r.path.startsWith(`/v1/Conversations/${conversationSid}/Messages`));
  const maxAttributes = Math.max(...writes.map((r) => Buffer.byteLength(String(r.form.Attributes ?? ''))));
  console.log(`figure: message_attributes_max_bytes ${maxAttributes}`);
  expect(maxAttributes).toBeLessThanOrEqual(4096);
  expect(writes.every((r) => r.status !== undefined && r.status < 400)).toBe(true);
  expect(Math.max(...writes.map((r) => String(r.form.Body ?? '').length))).toBeLessThanOrEqual(1600);

  // The transcript, read as Flex reads it: every line under its own speaker's label, 600 lines in all.
  const recordingId = JSON.parse(String(message!.attributes)).recordingId as string;
  const served = await stack.post('recording-media', { recordingId, file: 'transcript.json', Token: AGENT });
  expect(served.status).toBe(200);
  const segments = (JSON.parse(served.body.content) as { segments: { speaker: string; text: string }[] }).segments;
  expect(segments).toHaveLength(600);
  const mislabelled = segments.filter((seg) => !seg.text.startsWith(speakers.find((s) => s.label === seg.speaker.replace(/ \d+$/, ''))?.says ?? '\u0000'));
  expect(mislabelled).toEqual([]);
});
