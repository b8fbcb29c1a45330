import { trackNamesFor } from '../../src/client/twilio/track-source';
import { CLIP_RECORDING_NOTICE } from '../../src/domain/consent';
import type { Resource } from '../support/fake-twilio';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';

/**
 * What a customer on SMS reads, BACKEND=twilio through the real Functions and the strict fake
 * (which refuses a body over 1,600 characters once a participant has an SMS binding): every
 * customer-facing message carries its link in the body — the call invitation, the clip request,
 * the recording message and the agent's video reply — and the watch link opens the recording
 * through the watch Function, the video as a short-lived composition media URL.
 * Sources: twilio.com/docs/conversations/conversations-limits (1,600 characters on SMS and
 * WhatsApp); the body is all SMS shows.
 */
jest.setTimeout(120_000);

let stack: TwilioStack;
beforeAll(async () => {
  // The media worker is its own test; the video message needs none.
  stack = await startTwilioStack({ worker: false });
});
afterAll(async () => {
  await stack?.close();
});

const AGENT = 'flex-watch-agent-token';
const SMS_BODY_MAX = 1600;
const messagesOf = (sid: string): Resource[] => stack.fake.state.messages.get(sid) ?? [];
const attributesOf = (m: Resource) => JSON.parse(String(m.attributes)) as Record<string, any>;
const tokenOf = (url: string) => new URL(url).hash.replace(/^#t=/, '');
const watchLine = () => new RegExp(`\\n\\nWatch it here: (${stack.webhookBase}/watch\\.html#t=[\\w-]+\\.[\\w-]+\\.[\\w-]+)$`);

/** A conversation whose customer is reached by SMS. */
function smsConversation(name: string): string {
  const sid = String(stack.fake.seedConversation({ friendlyName: name }).sid);
  stack.fake.seedConversationParticipant(sid, { address: '+15005550006' });
  return sid;
}

it('an SMS customer gets the invitation, the clip request and the recording each with its link in a body within 1,600 characters; the watch link plays the video', async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const conversationSid = smsConversation('SMS with Casey');

  const escalated = await stack.post('escalate', { Token: AGENT, conversationId: conversationSid });
  expect(escalated.status).toBe(200);
  const offered = await stack.post('offer-clip', { Token: AGENT, conversationId: conversationSid });
  expect(offered.status).toBe(200);
  const [invitation, clipRequest] = messagesOf(conversationSid);
  expect(String(invitation.body)).toBe(`alex invited you to a video call. Join here: ${escalated.body.customerLink}`);
  expect(String(clipRequest.body)).toBe(`alex asked you for a short video. Record it here: ${offered.body.url}`);

  // The call happens and ends; the grid video is ready before any transcript.
  const roomName: string = escalated.body.roomName;
  const roomSid = String(escalated.body.access.roomSid);
  const agentP = fake.seedParticipant(roomSid, 'agent:alex');
  const customerP = fake.seedParticipant(roomSid, 'customer:casey');
  for (const [p, n] of [[agentP, 'a'], [customerP, 'c']] as const) {
    fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `${n}-mic`, type: 'audio' });
    fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `${n}-cam`, type: 'video' });
  }
  fake.completeRoom(roomSid);
  expect((await stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: roomSid, RoomName: roomName, RoomStatus: 'completed' })).status).toBe(200);
  const [grid] = [...fake.state.compositions.values()].filter((c) => c.room_sid === roomSid).map((c) => String(c.sid));
  fake.completeComposition(grid, { duration: 95 });
  const available = await stack.webhook(`composition-status?roomName=${roomName}`, { StatusCallbackEvent: 'composition-available', CompositionSid: grid, RoomSid: roomSid, Duration: '95' });
  expect(available.status).toBe(200);

  const recording = messagesOf(conversationSid).find((m) => attributesOf(m).type === 'video-recording') as Resource;
  const body = String(recording.body);
  expect(body).toMatch(/^Video call recording · 1:35 · transcript to follow\n\nWatch it here: /);
  const watchUrl = watchLine().exec(body)?.[1] as string;
  expect(watchUrl).toBeTruthy();
  expect(attributesOf(recording).watchUrl).toBe(watchUrl);
  for (const m of messagesOf(conversationSid)) expect(String(m.body).length).toBeLessThanOrEqual(SMS_BODY_MAX);
  process.stdout.write(`figure: sms_recording_body_chars ${body.length}\n`);
  // The link rides in the attributes too (the chat cards open it): still far under 4 KiB.
  const attributeBytes = Buffer.byteLength(String(recording.attributes));
  process.stdout.write(`figure: recording_message_attributes_bytes_with_watch_link ${attributeBytes}\n`);
  expect(attributeBytes).toBeLessThanOrEqual(4096);

  // The watch page's Function: the link in the body of a POST; the video a fresh composition media URL.
  fake.clearRequests();
  const opened = await stack.post('watch', { action: 'open', linkToken: tokenOf(watchUrl) });
  expect(opened.status).toBe(200);
  expect(opened.body).toMatchObject({ title: 'Video call recording', durationSeconds: 95, access: 'video', video: { state: 'ready', url: expect.stringMatching(/^http/) }, transcript: { state: 'pending' } });
  const mediaGets = fake.requests.filter((r) => r.method === 'GET' && r.path === `/v1/Compositions/${grid}/Media`);
  expect(mediaGets.map((r) => r.query.Ttl)).toEqual(['600']);
  expect((await fetch(opened.body.video.url)).status).toBe(200);
  expect((await stack.post('watch', { action: 'view', linkToken: tokenOf(watchUrl), event: 'opened', positionSeconds: 0 })).body).toEqual({
    recorded: true,
    view: { furthestSeconds: 0, completed: false },
  });
  // A recording-media token is no watch link, and the reverse.
  expect((await stack.post('watch', { action: 'open', linkToken: tokenOf(escalated.body.customerLink) })).status).toBe(401);
  expect((await stack.post('recording-media', { recordingId: opened.body.recordingId, file: 'video.mp4', linkToken: tokenOf(watchUrl) })).status).toBe(401);
});

it("the agent's video reply reaches an SMS customer as \"<agent> replied with a video\" with its watch link, from the first post", async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const conversationSid = smsConversation('SMS with Robin');
  const consent = { consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version };
  const started = await stack.post('clip', { Token: AGENT, action: 'start', conversationId: conversationSid, mode: 'camera', ...consent });
  expect(started.status).toBe(200);
  const clipId = started.body.clip.clipId as string;
  // What the agent's browser publishes while the take records: microphone and camera.
  const roomSid = String(started.body.access.roomSid);
  const participant = fake.seedParticipant(roomSid, String(started.body.access.identity));
  const names = trackNamesFor('alex01');
  fake.seedRecording(roomSid, { participantSid: String(participant.sid), trackName: names.microphone, type: 'audio' });
  fake.seedRecording(roomSid, { participantSid: String(participant.sid), trackName: names.camera, type: 'video' });
  expect((await stack.post('clip', { Token: AGENT, action: 'stop', clipId })).status).toBe(200);
  expect((await stack.post('clip', { Token: AGENT, action: 'send', clipId })).status).toBe(200);

  const [reply] = messagesOf(conversationSid).filter((m) => attributesOf(m).type === 'video-recording');
  const body = String(reply.body);
  expect(body).toMatch(/^alex replied with a video · 0:0\d · processing\n\nWatch it here: /);
  expect(body.length).toBeLessThanOrEqual(SMS_BODY_MAX);
  const watchUrl = watchLine().exec(body)?.[1] as string;
  const opened = await stack.post('watch', { action: 'open', linkToken: tokenOf(watchUrl) });
  expect(opened.status).toBe(200);
  expect(opened.body).toMatchObject({ kind: 'clip', title: 'alex replied with a video', access: 'video', video: { state: 'processing' } });
});
