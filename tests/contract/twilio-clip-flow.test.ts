import { CLIP_RECORDING_NOTICE } from '../../src/domain/consent';
import { trackNamePattern, trackNamesFor } from '../../src/client/twilio/track-source';
import type { RecordedRequest, Resource } from '../support/fake-twilio';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';
import { viMediaRejected, workerTranscripts } from './support/worker-transcripts';

/**
 * An async clip through the real Functions, BACKEND=twilio (twilio-run, PostgreSQL, signed
 * webhooks): the agent's offer → the customer's takes (room, grant, pause/resume as recording
 * rules, a retake that deletes its recordings) → Send (one "processing" message at once, a
 * picture-in-picture composition) → the pipeline's webhooks update that same message in place.
 * And a take whose author's tab closed is sent by the room-ended webhook, once.
 * Every Twilio REST call that matters is asserted as sent, and counted.
 */
jest.setTimeout(120_000);

let stack: TwilioStack;
beforeAll(async () => {
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
});

const AGENT = 'flex-clip-agent-token';
const VIDEO = 'video.twilio.com';
const CONVERSATIONS = 'conversations.twilio.com';

let logged = 0;
/** The REST calls since the previous look, in order. */
const newCalls = (): RecordedRequest[] => {
  if (logged > stack.fake.requests.length) logged = 0;
  const calls = stack.fake.requests.slice(logged);
  logged = stack.fake.requests.length;
  return calls;
};
const line = (r: RecordedRequest) => `${r.method} ${r.host}${r.path}`;
const linkTokenOf = (url: string) => new URL(url).hash.replace(/^#t=/, '');
const jwtPayload = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, any>;
const messagesOf = (conversationSid: string): Resource[] => stack.fake.state.messages.get(conversationSid) ?? [];
const attributesOf = (m: Resource) => JSON.parse(String(m.attributes)) as Record<string, any>;
/** The participant SID a room's audio composition selects its one speaker by. */
const participantSidIn = (roomSid: string) => String([...stack.fake.state.participants.values()].find((p) => p.room_sid === roomSid)?.sid);

/** What the customer's browser publishes while a take records: a run of microphone, camera and screen. */
function publishRun(roomSid: string, identity: string): string[] {
  const { fake } = stack;
  const participant =
    [...fake.state.participants.values()].find((p) => p.room_sid === roomSid && p.identity === identity) ?? fake.seedParticipant(roomSid, identity);
  const names = trackNamesFor(`${identity.replace(/\W/g, '')}01`); // the browser's own names, unique to this participant
  return [
    [names.microphone, 'audio'],
    [names.camera, 'video'],
    [names.screen, 'video'],
  ].map(([trackName, type]) => String(fake.seedRecording(roomSid, { participantSid: String(participant.sid), trackName, type: type as 'audio' | 'video' }).sid));
}

async function offerClip(conversationSid: string) {
  const offered = await stack.post('offer-clip', { Token: AGENT, conversationId: conversationSid });
  expect(offered.status).toBe(200);
  return { ...offered.body, linkToken: linkTokenOf(offered.body.url) } as { clipId: string; url: string; expiresAt: string; linkToken: string };
}

const clipAction = (linkToken: string, action: string, more: Record<string, unknown> = {}) => stack.post('clip', { linkToken, action, ...more });
const startTake = (linkToken: string) =>
  clipAction(linkToken, 'start', { mode: 'screen+camera', consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version });

describe('BACKEND=twilio: an async clip over HTTP, from the offer to the one message', () => {
  it('offers, records with pause, resume and a retake, sends, and updates the same message in place', async () => {
    const { fake } = stack;
    fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
    const conversationSid = String(fake.seedConversation({ friendlyName: 'Chat with Casey' }).sid);
    newCalls();

    // 1. The agent offers a clip: one message with the signed recording link (/record.html, token in the fragment).
    const offer = await offerClip(conversationSid);
    expect(offer.url).toMatch(new RegExp(`^${stack.webhookBase}/record\\.html#t=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    const offerCalls = newCalls();
    expect(offerCalls.map(line)).toEqual([
      `POST iam.twilio.com/v1/Accounts/${fake.accountSid}/Tokens/validate`,
      `GET ${CONVERSATIONS}/v1/Conversations/${conversationSid}`,
      `POST ${CONVERSATIONS}/v1/Conversations/${conversationSid}/Messages`,
    ]);
    const requestForm = offerCalls[2].form;
    expect(Object.keys(requestForm).sort()).toEqual(['Attributes', 'Author', 'Body']);
    expect(requestForm.Author).toBe('alex');
    expect(requestForm.Body).toBe(`alex asked you for a short video. Record it here: ${offer.url}`);
    expect(JSON.parse(String(requestForm.Attributes))).toEqual({ type: 'video-clip-request', clipId: offer.clipId, url: offer.url, expiresAt: offer.expiresAt });
    const claims = jwtPayload(offer.linkToken);
    expect(claims).toMatchObject({ aud: 'clip-link', clip: offer.clipId, conv: conversationSid, sub: expect.stringMatching(/^customer:/) });
    const customerIdentity = String(claims.sub);

    // 2. The customer's page checks the link (nothing on Twilio), then starts with consent: a room and a grant.
    const checked = await clipAction(offer.linkToken, 'check');
    expect(checked.status).toBe(200);
    expect(checked.body.clip).toMatchObject({ clipId: offer.clipId, status: 'offered', authorRole: 'customer', agentName: 'alex', take: 0, maxSeconds: 180, notice: CLIP_RECORDING_NOTICE });
    expect(newCalls()).toEqual([]);
    const noConsent = await clipAction(offer.linkToken, 'start', { mode: 'screen+camera', consent: false, noticeVersion: CLIP_RECORDING_NOTICE.version });
    expect(noConsent.status).toBe(403);
    expect(newCalls()).toEqual([]); // no room for a take nobody agreed to

    const take1 = await startTake(offer.linkToken);
    expect(take1.status).toBe(200);
    const room1 = `clip-${offer.clipId}-1`;
    expect(take1.body.clip).toMatchObject({ status: 'recording', take: 1, mode: 'screen+camera' });
    const [createRoom1, ...afterCreate1] = newCalls();
    expect(afterCreate1).toEqual([]);
    expect(line(createRoom1)).toBe(`POST ${VIDEO}/v1/Rooms`);
    expect(createRoom1.form).toEqual({
      UniqueName: room1,
      Type: 'group',
      RecordParticipantsOnConnect: 'true',
      StatusCallback: `${stack.webhookBase}/room-status`,
      StatusCallbackMethod: 'POST',
      MaxParticipants: '2',
      EmptyRoomTimeout: '1', // a clip room: the author leaving ends the take
      UnusedRoomTimeout: '5',
    });
    const room1Sid = String([...fake.state.rooms.values()].find((r) => r.unique_name === room1)?.sid);
    expect(take1.body.access).toMatchObject({ provider: 'twilio', role: 'customer', identity: customerIdentity, roomName: room1, roomSid: room1Sid });
    const token = jwtPayload(take1.body.access.token);
    expect(token.grants).toEqual({ identity: customerIdentity, video: { room: room1 } });
    expect(token.iss).toBe(fake.credentials.apiKeySid);
    expect(token.sub).toBe(fake.accountSid);
    expect(token.exp - token.iat).toBeLessThanOrEqual(900);

    // 3. Pause and resume: the room's recording rules, nothing else; the room stays.
    const beforePause = publishRun(room1Sid, customerIdentity);
    expect((await clipAction(offer.linkToken, 'pause')).body.clip.status).toBe('paused');
    expect((await clipAction(offer.linkToken, 'resume')).body.clip.status).toBe('recording');
    expect(newCalls().map((r) => [line(r), r.form, r.status])).toEqual([
      [`POST ${VIDEO}/v1/Rooms/${room1Sid}/RecordingRules`, { Rules: '[{"type":"exclude","all":true}]' }, 200],
      [`POST ${VIDEO}/v1/Rooms/${room1Sid}/RecordingRules`, { Rules: '[{"type":"include","all":true}]' }, 200],
    ]);
    expect(fake.state.rooms.get(room1Sid)?.status).toBe('in-progress');
    const take1Recordings = [...beforePause, ...publishRun(room1Sid, customerIdentity)]; // one run each side of the pause

    // 4. Retake: the room is completed and every recording it made is deleted.
    const retake = await clipAction(offer.linkToken, 'retake');
    expect(retake.status).toBe(200);
    expect(retake.body.clip).toMatchObject({ status: 'discarded', take: 1, recordedSeconds: 0 });
    const retakeCalls = newCalls();
    expect(retakeCalls.slice(0, 2).map((r) => [line(r), r.form])).toEqual([
      [`POST ${VIDEO}/v1/Rooms/${room1Sid}`, { Status: 'completed' }],
      [`GET ${VIDEO}/v1/Rooms/${room1Sid}/Recordings`, {}],
    ]);
    const deletes = retakeCalls.slice(2);
    expect(deletes.every((r) => r.method === 'DELETE' && r.status === 204)).toBe(true);
    expect(deletes.map(line).sort()).toEqual(take1Recordings.map((sid) => `DELETE ${VIDEO}/v1/Recordings/${sid}`).sort());
    expect(take1Recordings).toHaveLength(6);
    expect(take1Recordings.every((sid) => fake.state.recordings.get(sid)?.status === 'deleted')).toBe(true);
    // Twilio reports the retaken room's end: nothing is composed or posted for a discarded take.
    const take1Ended = await stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: room1Sid, RoomName: room1, RoomStatus: 'completed' });
    expect(take1Ended).toEqual({ status: 200, body: { clipId: offer.clipId, status: 'discarded' } });
    expect(newCalls().filter((r) => r.method !== 'GET')).toEqual([]);

    // 5. The second take: its own room, with the same settings.
    const take2 = await startTake(offer.linkToken);
    expect(take2.status).toBe(200);
    const room2 = `clip-${offer.clipId}-2`;
    expect(take2.body.clip).toMatchObject({ status: 'recording', take: 2 });
    const [createRoom2, ...afterCreate2] = newCalls();
    expect(afterCreate2).toEqual([]);
    expect(createRoom2.form).toEqual({ ...createRoom1.form, UniqueName: room2 });
    const room2Sid = String(take2.body.access.roomSid);
    expect(room2Sid).not.toBe(room1Sid);
    expect(jwtPayload(take2.body.access.token).grants).toEqual({ identity: customerIdentity, video: { room: room2 } });
    // The retaken room's end delivered late (after the new take began) is no call's and no open take's: ignored, not refused.
    const lateTake1Ended = await stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: room1Sid, RoomName: room1, RoomStatus: 'completed' });
    expect(lateTake1Ended).toEqual({ status: 200, body: { clipId: offer.clipId, status: 'recording' } });
    expect(newCalls().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(fake.state.rooms.get(room2Sid)?.status).toBe('in-progress');
    publishRun(room2Sid, customerIdentity);

    // 6. Stop: the room is completed; the take waits for Send (Twilio's room-ended changes nothing).
    const stopped = await clipAction(offer.linkToken, 'stop');
    expect(stopped.body.clip).toMatchObject({ status: 'stopped', take: 2, stopCause: 'author' });
    expect(newCalls().map((r) => [line(r), r.form])).toEqual([[`POST ${VIDEO}/v1/Rooms/${room2Sid}`, { Status: 'completed' }]]);
    expect(fake.state.rooms.get(room2Sid)?.status).toBe('completed');
    const take2Ended = { StatusCallbackEvent: 'room-ended', RoomSid: room2Sid, RoomName: room2, RoomStatus: 'completed' };
    expect(await stack.webhook('room-status', take2Ended)).toEqual({ status: 200, body: { clipId: offer.clipId, status: 'stopped' } });
    expect(newCalls().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(messagesOf(conversationSid)).toHaveLength(1); // only the request so far

    // 7. Send: the clip message at once ("processing"), and a picture-in-picture composition of take 2.
    const sent = await clipAction(offer.linkToken, 'send');
    expect(sent.status).toBe(200);
    expect(sent.body.clip.status).toBe('sent');
    const sendCalls = newCalls();
    const posts = sendCalls.filter((r) => r.method === 'POST' && r.path === `/v1/Conversations/${conversationSid}/Messages`);
    expect(posts).toHaveLength(1);
    expect(posts[0].form.Author).toBe('Customer');
    expect(posts[0].form.Body).toMatch(/^Video clip from Customer · 0:0\d · processing$/);
    const processing = JSON.parse(String(posts[0].form.Attributes));
    expect(processing).toEqual({
      type: 'video-recording',
      roomName: room2,
      escalationId: offer.clipId,
      durationSeconds: expect.any(Number),
      videoStatus: 'processing',
      transcriptStatus: 'pending',
      kind: 'clip',
      clipId: offer.clipId,
      authorRole: 'customer',
      authorName: 'Customer',
      clipMode: 'screen+camera',
      idempotencyKey: room2,
    });
    const compositions = sendCalls.filter((r) => r.method === 'POST' && r.path === '/v1/Compositions');
    const callback = `${stack.webhookBase}/composition-status?roomName=${room2}`;
    const common = { RoomSid: room2Sid, Format: 'mp4', Trim: 'true', StatusCallback: callback, StatusCallbackMethod: 'POST' };
    expect(compositions.map((c) => c.form)).toEqual([
      { ...common, AudioSources: '*', VideoLayout: expect.any(String), Resolution: '1280x720' },
      { ...common, AudioSources: participantSidIn(room2Sid) },
    ]);
    expect(JSON.parse(String(compositions[0].form.VideoLayout))).toEqual({
      screen: { z_pos: 1, video_sources: [trackNamePattern('screen')] },
      camera: { z_pos: 2, x_pos: 936, y_pos: 456, width: 320, height: 240, video_sources: [trackNamePattern('camera')] },
    });
    // Nothing of the discarded take is composed; nothing else is created on Twilio.
    expect(sendCalls.filter((r) => r.host === VIDEO && r.method !== 'GET').map(line)).toEqual([`POST ${VIDEO}/v1/Compositions`, `POST ${VIDEO}/v1/Compositions`]);
    expect(sendCalls.find((r) => r.path === '/v1/Recordings')?.query).toMatchObject({ GroupingSid: room2Sid });
    const clipMessage = messagesOf(conversationSid)[1];
    expect(messagesOf(conversationSid)).toHaveLength(2);
    // A second Send (a double click, a retried request) is refused and posts nothing.
    expect((await clipAction(offer.linkToken, 'send')).status).toBe(410);
    expect(newCalls().filter((r) => r.method !== 'GET')).toEqual([]);

    // 8. Twilio finishes: the speaker's audio goes to Voice Intelligence, the video updates the same message.
    const [videoSid, speechSid] = [...fake.state.compositions.values()].filter((c) => c.room_sid === room2Sid).map((c) => String(c.sid));
    const available = (sid: string, duration: number) => {
      fake.completeComposition(sid, { duration });
      return stack.webhook(`composition-status?roomName=${room2}`, { StatusCallbackEvent: 'composition-available', CompositionSid: sid, RoomSid: room2Sid, Duration: String(duration) });
    };
    const before = new Set(fake.state.transcripts.keys());
    expect((await available(speechSid, 42)).status).toBe(200);
    // The media worker turns the speaker's audio into FLAC and hands it to Voice Intelligence.
    const [transcript] = await workerTranscripts(fake, 1, before);
    expect(newCalls().filter((r) => r.method === 'POST').map(line)).toEqual([`POST intelligence.twilio.com/v2/Transcripts`]);
    expect(fake.mediaFetches().map((f) => [f.transcriptSid, f.audio?.format, f.audio?.channels])).toEqual([[transcript.sid, 'flac', 1]]);
    process.stdout.write(`figure: vi_media_rejected ${viMediaRejected(fake).length}\n`);
    expect((await available(videoSid, 42)).status).toBe(200);
    expect((await available(videoSid, 42)).status).toBe(200); // Twilio retries
    const videoCalls = newCalls();
    const messageWrites = (calls: RecordedRequest[]) => calls.filter((r) => r.method === 'POST' && r.path.startsWith(`/v1/Conversations/${conversationSid}/Messages`));
    expect(messageWrites(videoCalls).map(line)).toEqual([`POST ${CONVERSATIONS}/v1/Conversations/${conversationSid}/Messages/${clipMessage.sid}`]);
    const withVideo = attributesOf(clipMessage);
    expect(withVideo).toMatchObject({ type: 'video-recording', kind: 'clip', clipId: offer.clipId, videoStatus: 'ready', transcriptStatus: 'pending', durationSeconds: 42, idempotencyKey: room2 });
    expect(withVideo.mediaUrl).toMatch(new RegExp(`^${stack.webhookBase}/recording-media\\?recordingId=RE[0-9a-f]{32}&file=video.mp4$`));
    expect(clipMessage.body).toBe('Video clip from Customer · 0:42 · transcript to follow');

    // 9. The transcript: the same message again, now with captions; delivered twice, written once.
    fake.completeTranscript(String(transcript.sid), [{ transcript: 'The export button does nothing.', startTime: 1.5, endTime: 3.0 }]);
    const report = () =>
      stack.jsonWebhook('transcript-status', { account_sid: fake.accountSid, transcript_sid: transcript.sid, customer_key: transcript.customer_key, event_type: 'voice_intelligence_transcript_available' });
    expect((await report()).status).toBe(200);
    expect((await report()).status).toBe(200);
    expect(messageWrites(newCalls()).map(line)).toEqual([`POST ${CONVERSATIONS}/v1/Conversations/${conversationSid}/Messages/${clipMessage.sid}`]);

    const messages = messagesOf(conversationSid);
    expect(messages.map((m) => attributesOf(m).type)).toEqual(['video-clip-request', 'video-recording']);
    expect(messages[1].sid).toBe(clipMessage.sid);
    expect(messages[1].body).toBe('Video clip from Customer · 0:42 · transcript\n\n[0:01] Customer: The export button does nothing.');
    expect(attributesOf(messages[1])).toMatchObject({
      kind: 'clip',
      clipId: offer.clipId,
      authorRole: 'customer',
      clipMode: 'screen+camera',
      videoStatus: 'ready',
      transcriptStatus: 'ready',
      durationSeconds: 42,
      captionsUrl: expect.stringMatching(/file=captions\.vtt$/),
      idempotencyKey: room2,
    });
  });

  it("sends the open take of an author whose tab closed when Twilio ends its room, once", async () => {
    const { fake } = stack;
    fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
    const conversationSid = String(fake.seedConversation({ friendlyName: 'Chat with Robin' }).sid);
    const offer = await offerClip(conversationSid);
    const take = await startTake(offer.linkToken);
    expect(take.status).toBe(200);
    const roomName = `clip-${offer.clipId}-1`;
    const roomSid = String(take.body.access.roomSid);
    publishRun(roomSid, String(take.body.access.identity));
    // The tab closes; Twilio's empty-room timeout ends the room and reports it.
    fake.completeRoom(roomSid);
    newCalls();

    const ended = { StatusCallbackEvent: 'room-ended', RoomSid: roomSid, RoomName: roomName, RoomStatus: 'completed' };
    expect(await stack.webhook('room-status', ended)).toEqual({ status: 200, body: { clipId: offer.clipId, status: 'sent' } });
    const calls = newCalls();
    const posts = calls.filter((r) => r.method === 'POST' && r.path === `/v1/Conversations/${conversationSid}/Messages`);
    expect(posts).toHaveLength(1);
    expect(JSON.parse(String(posts[0].form.Attributes))).toMatchObject({ kind: 'clip', clipId: offer.clipId, videoStatus: 'processing', roomName, idempotencyKey: roomName });
    const compositions = calls.filter((r) => r.method === 'POST' && r.path === '/v1/Compositions');
    expect(compositions.map((c) => [c.form.RoomSid, c.form.Trim, c.form.AudioSources])).toEqual([
      [roomSid, 'true', '*'],
      [roomSid, 'true', participantSidIn(roomSid)],
    ]);
    expect(JSON.parse(String(compositions[0].form.VideoLayout))).toHaveProperty('camera.z_pos', 2);
    const messagesAfter = messagesOf(conversationSid).length;

    // Delivered again: nothing is posted, composed or changed.
    expect(await stack.webhook('room-status', ended)).toEqual({ status: 200, body: { clipId: offer.clipId, status: 'sent' } });
    expect(newCalls().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(messagesOf(conversationSid)).toHaveLength(messagesAfter);
    expect([...fake.state.compositions.values()].filter((c) => c.room_sid === roomSid)).toHaveLength(2);
    // The link now says the clip went out.
    expect((await clipAction(offer.linkToken, 'check')).status).toBe(410);
  });
});
