import { RECORDING_NOTICE } from '../../src/domain/consent';
import twilio from 'twilio';
import type { RecordedRequest } from '../support/fake-twilio';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';
import { viMediaRejected, workerTranscripts } from './support/worker-transcripts';

/**
 * The whole production flow over HTTP, BACKEND=twilio: escalate → customer token → room-ended
 * webhook → compositions → composition webhooks → Voice Intelligence transcripts → transcript
 * webhooks → exactly one recording message. Every Twilio REST call is asserted as sent.
 */
jest.setTimeout(120_000);

let stack: TwilioStack;
beforeAll(async () => {
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
});

const AGENT = 'flex-agent-token';
const OTHER_AGENT = 'flex-other-agent-token';
const calls = (host: string, method?: string): RecordedRequest[] =>
  stack.fake.requestsTo(host).filter((r) => !method || r.method === method);
let logged = 0;
/** Every REST call since the previous callLog() (or the last clear), as `METHOD host/path`, in order. */
const callLog = (): string[] => {
  if (logged > stack.fake.requests.length) logged = 0;
  const log = stack.fake.requests.slice(logged).map((r) => `${r.method} ${r.host}${r.path.split('?')[0]}`);
  logged = stack.fake.requests.length;
  return log;
};

describe('BACKEND=twilio, end to end over HTTP', () => {
  it('takes a chat to video and the recording back into the chat, exactly once, whatever the webhook order', async () => {
    const { fake } = stack;
    fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
    const conversation = fake.seedConversation({ friendlyName: 'Chat with Casey', attributes: { crm: 7 } });
    const conversationSid = String(conversation.sid);

    // 1. Escalate: a group room bound to the escalation, with our status callback; the link in the chat.
    const escalated = await stack.post('escalate', { Token: AGENT, conversationId: conversationSid });
    expect(escalated.status).toBe(200);
    const roomName: string = escalated.body.roomName;
    const [createRoom] = calls('video.twilio.com', 'POST').filter((r) => r.path === '/v1/Rooms');
    expect(createRoom.form).toEqual({
      UniqueName: roomName,
      Type: 'group',
      RecordParticipantsOnConnect: 'true',
      StatusCallback: `${stack.webhookBase}/room-status`,
      StatusCallbackMethod: 'POST',
      MaxParticipants: '4',
      EmptyRoomTimeout: '5',
      UnusedRoomTimeout: '5',
    });
    expect(escalated.body.access).toMatchObject({ provider: 'twilio', role: 'agent', identity: 'agent:alex', roomName });
    const linkMessage = calls('conversations.twilio.com', 'POST').find((r) => r.path === `/v1/Conversations/${conversationSid}/Messages`);
    expect(JSON.parse(String(linkMessage?.form.Attributes))).toMatchObject({ type: 'video-escalation-link', url: escalated.body.customerLink });

    // 2. The customer's link buys an access token for this room only.
    const linkToken = new URL(escalated.body.customerLink).hash.replace(/^#t=/, '');
    const joined = await stack.post('customer-token', { linkToken, action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
    expect(joined.status).toBe(200);
    const grant = JSON.parse(Buffer.from(joined.body.access.token.split('.')[1], 'base64url').toString()) as { grants: { identity: string; video: { room: string } } };
    expect(grant.grants.video).toEqual({ room: roomName });
    expect(grant.grants.identity).toBe(joined.body.access.identity);

    // The call happens on Twilio: two participants, each recording audio and video.
    const room = fake.state.rooms.get(escalated.body.access.roomSid) ?? [...fake.state.rooms.values()][0];
    const roomSid = String(room.sid);
    const agentP = fake.seedParticipant(roomSid, 'agent:alex');
    const customerP = fake.seedParticipant(roomSid, String(joined.body.access.identity));
    for (const [p, n] of [[agentP, 'a'], [customerP, 'c']] as const) {
      fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `${n}-mic`, type: 'audio' });
      fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `${n}-cam`, type: 'video' });
    }
    fake.completeRoom(roomSid);
    fake.clearRequests();
    logged = 0;

    // 3. Room ended (twice: Twilio retries, and our own completion ends it too): one set of compositions.
    const ended = { StatusCallbackEvent: 'room-ended', RoomSid: roomSid, RoomName: roomName, RoomStatus: 'completed' };
    expect((await stack.webhook('room-status', ended)).status).toBe(200);
    expect((await stack.webhook('room-status', ended)).status).toBe(200);
    const compositions = calls('video.twilio.com', 'POST').filter((r) => r.path === '/v1/Compositions');
    const callback = `${stack.webhookBase}/composition-status?roomName=${roomName}`;
    expect(compositions.map((c) => c.form)).toEqual([
      { RoomSid: roomSid, Format: 'mp4', Trim: 'false', StatusCallback: callback, StatusCallbackMethod: 'POST', AudioSources: '*', VideoLayout: JSON.stringify({ grid: { video_sources: ['*'] } }), Resolution: '1280x720' },
      { RoomSid: roomSid, Format: 'mp4', Trim: 'false', StatusCallback: callback, StatusCallbackMethod: 'POST', AudioSources: String(agentP.sid) },
      { RoomSid: roomSid, Format: 'mp4', Trim: 'false', StatusCallback: callback, StatusCallbackMethod: 'POST', AudioSources: String(customerP.sid) },
    ]);
    const [grid, agentAudio, customerAudio] = [...fake.state.compositions.values()].map((c) => String(c.sid));
    const recordingsList = calls('video.twilio.com', 'GET').find((r) => r.path.startsWith('/v1/Recordings'));
    expect(recordingsList?.query).toMatchObject({ GroupingSid: roomSid });
    expect(callLog().filter((c) => !c.includes('conversations.twilio.com'))).toEqual([
      'GET video.twilio.com/v1/Recordings',
      `GET video.twilio.com/v1/Rooms/${roomSid}/Participants`,
      'POST video.twilio.com/v1/Compositions',
      'POST video.twilio.com/v1/Compositions',
      'POST video.twilio.com/v1/Compositions',
    ]);
    const ended2 = await stack.post('end-call', { Token: AGENT, escalationId: escalated.body.escalationId });
    expect(ended2.status).toBe(200);
    const endCallLog = callLog();
    expect(endCallLog[0]).toBe(`POST iam.twilio.com/v1/Accounts/${fake.accountSid}/Tokens/validate`);
    expect(endCallLog.filter((c) => c.includes('video.twilio.com'))).toEqual([]); // the room is over; nothing composed again

    // 4. Compositions finish, out of order and some twice; each speaker's audio goes to the media
    //    worker at once, which makes it FLAC and hands it to Voice Intelligence.
    const available = (sid: string, duration = 95) => {
      fake.completeComposition(sid, { duration });
      return stack.webhook(`composition-status?roomName=${roomName}`, {
        StatusCallbackEvent: 'composition-available',
        CompositionSid: sid,
        RoomSid: roomSid,
        Duration: String(duration),
      });
    };
    expect((await stack.webhook(`composition-status?roomName=${roomName}`, { StatusCallbackEvent: 'composition-started', CompositionSid: grid, RoomSid: roomSid })).status).toBe(200);
    expect((await available(customerAudio)).status).toBe(200);
    expect((await available(customerAudio)).status).toBe(200);
    expect((await available(agentAudio)).status).toBe(200);
    const [customerT, agentT] = await workerTranscripts(fake, 2);
    // The Functions asked nothing of Voice Intelligence; the worker, one speaker at a time, oldest first:
    // the composition's media (API key, then its redirect), then the transcript.
    expect(callLog().filter((c) => !c.includes('conversations.twilio.com'))).toEqual([
      `GET video.twilio.com/v1/Compositions/${customerAudio}/Media`,
      'POST intelligence.twilio.com/v2/Transcripts',
      `GET video.twilio.com/v1/Compositions/${agentAudio}/Media`,
      'POST intelligence.twilio.com/v2/Transcripts',
    ]);
    const transcripts = calls('intelligence.twilio.com', 'POST').filter((r) => r.path === '/v2/Transcripts');
    expect(transcripts).toHaveLength(2);
    const speakers = [String(joined.body.access.identity), 'agent:alex'];
    transcripts.forEach((t, i) => {
      expect(Object.keys(t.form).sort()).toEqual(['Channel', 'CustomerKey', 'ServiceSid']);
      expect(t.form.ServiceSid).toBe(`GA${'a'.repeat(32)}`);
      // One mono FLAC per speaker, on channel 1, served by the worker at a signed, expiring URL.
      expect(JSON.parse(String(t.form.Channel))).toEqual({
        media_properties: { media_url: expect.stringMatching(new RegExp(`^${stack.worker!.url}/media/MW[0-9a-f]{32}\\.flac\\?expires=\\d+&sig=[\\w-]+$`)) },
        participants: [{ channel_participant: 1, user_id: speakers[i], role: i === 0 ? 'Customer' : 'Agent' }],
      });
      expect(String(t.form.CustomerKey).length).toBeLessThanOrEqual(64);
    });
    // Voice Intelligence fetched each file once, and took it: FLAC, one channel, the call's length.
    const fetched = fake.mediaFetches();
    expect(fetched.map((f) => [f.transcriptSid, f.status, f.audio?.format, f.audio?.channels])).toEqual([
      [customerT.sid, 200, 'flac', 1],
      [agentT.sid, 200, 'flac', 1],
    ]);
    expect(fetched.every((f) => Math.abs((f.audio?.durationSeconds ?? 0) - 95) < 1)).toBe(true);
    process.stdout.write(`figure: vi_media_rejected ${viMediaRejected(fake).length}\n`);
    expect(viMediaRejected(fake)).toEqual([]);
    // The one fetch used the URL up: the file is gone from the worker.
    expect((await fetch(String(JSON.parse(String(transcripts[0].form.Channel)).media_properties.media_url))).status).toBe(404);
    // A fresh, short-lived composition media URL per transcript.
    const mediaGets = calls('video.twilio.com', 'GET').filter((r) => /\/Media$/.test(r.path.split('?')[0]));
    expect(mediaGets.map((r) => r.path.split('?')[0])).toEqual([`/v1/Compositions/${customerAudio}/Media`, `/v1/Compositions/${agentAudio}/Media`]);
    expect(mediaGets.every((r) => r.query.Ttl === '600')).toBe(true);

    // 5. Transcripts finish; the last piece (the grid video) completes the job.
    fake.completeTranscript(String(customerT.sid), [{ transcript: 'My router keeps dropping.', startTime: 3.5, endTime: 5.0 }]);
    fake.completeTranscript(String(agentT.sid), [
      { transcript: 'Hello, how can I help?', startTime: 0.5, endTime: 2.0, words: [{ word: 'Hello', startTime: 0.5, endTime: 0.9 }] },
    ]);
    // The service webhook, as Voice Intelligence sends it (a redelivery repeats the first body).
    const webhooks = new Map<string, Record<string, string>>();
    const report = (t: Record<string, unknown>) => {
      const sid = String(t.sid);
      if (!webhooks.has(sid)) webhooks.set(sid, fake.transcriptWebhook(sid));
      return stack.jsonWebhook('transcript-status', webhooks.get(sid)!);
    };
    expect((await report(agentT)).status).toBe(200);
    expect((await report(customerT)).status).toBe(200);
    expect((await report(customerT)).status).toBe(200);
    // Each transcript is read, then deleted at Twilio (its unredacted copy); the repeat finds it gone.
    const vi = (path: string) => `intelligence.twilio.com/v2/Transcripts/${path}`;
    expect(callLog().filter((c) => !c.includes('conversations.twilio.com'))).toEqual([
      `GET ${vi(agentT.sid)}`,
      `GET ${vi(`${agentT.sid}/Sentences`)}`,
      `DELETE ${vi(agentT.sid)}`,
      `GET ${vi(customerT.sid)}`,
      `GET ${vi(`${customerT.sid}/Sentences`)}`,
      `DELETE ${vi(customerT.sid)}`,
      `GET ${vi(customerT.sid)}`,
    ]);
    const sentenceReads = calls('intelligence.twilio.com', 'GET').filter((r) => r.path.endsWith('/Sentences'));
    expect(sentenceReads.length).toBeGreaterThanOrEqual(2);
    expect(sentenceReads.every((r) => r.query.WordTimestamps === 'true')).toBe(true);
    const recordingMessages = () =>
      (fake.state.messages.get(conversationSid) ?? []).filter((m) => JSON.parse(String(m.attributes)).type === 'video-recording');
    expect(recordingMessages()).toHaveLength(0); // the video is not ready yet
    expect((await available(grid, 95)).status).toBe(200);
    expect((await available(grid, 95)).status).toBe(200);
    expect((await report(agentT)).status).toBe(200);

    // 6. Exactly one recording message; the finished recording keeps no entry in the conversation attributes.
    const messages = recordingMessages();
    expect(messages).toHaveLength(1);
    // The excerpt, then the customer's watch link (#18 part 5: Webchat and SMS show the body alone).
    const [bodyText, watchLink] = String(messages[0].body).split('\n\nWatch it here: ');
    expect(bodyText).toBe('Video call recording · 1:35 · transcript\n\n[0:00] Agent: Hello, how can I help?\n[0:03] Customer: My router keeps dropping.');
    expect(watchLink).toMatch(new RegExp(`^${stack.webhookBase}/watch\\.html#t=[\\w.-]+$`));
    const attributes = JSON.parse(String(messages[0].attributes));
    expect(attributes).toMatchObject({ type: 'video-recording', roomName, durationSeconds: 95 });
    expect(attributes.mediaUrl).toMatch(new RegExp(`^${stack.webhookBase}/recording-media\\?recordingId=RE[0-9a-f]{32}&file=video.mp4$`));
    const conversationAttributes = stack.fake.attributesOf(conversationSid);
    expect(conversationAttributes.crm).toBe(7);
    expect(conversationAttributes.videoRecordings).toEqual({});

    // 7. Playback through the recording-media Function: the owner, a supervisor and the customer; nobody else.
    const recordingId = attributes.recordingId as string;
    fake.seedFlexToken('flex-supervisor-token', { identity: 'sue', roles: ['supervisor'] });
    fake.seedFlexToken(OTHER_AGENT, { identity: 'sam', roles: ['agent'] });
    const media = (file: string, auth: Record<string, string>) => stack.post('recording-media', { recordingId, file, ...auth });
    const video = await media('video.mp4', { Token: AGENT });
    expect(video.status).toBe(200);
    const mediaGet = calls('video.twilio.com', 'GET').filter((r) => r.path.startsWith(`/v1/Compositions/${grid}/Media`)).pop();
    expect(mediaGet?.query.Ttl).toBe('600');
    expect(video.body.url).toMatch(/^http/);
    const captions = await media('captions.vtt', { Token: 'flex-supervisor-token' });
    expect(captions.status).toBe(200);
    expect(captions.body.content).toMatch(/^WEBVTT\n/);
    expect(captions.body.content).toContain('<v Customer>My router keeps dropping.');
    expect((await media('transcript.json', { linkToken })).status).toBe(200);
    expect((await media('video.mp4', { Token: OTHER_AGENT })).status).toBe(403);
    expect((await media('video.mp4', {})).status).toBe(401);
    expect((await media('captions.vtt', { Token: AGENT, recordingId: 'RE-not-there' })).status).toBe(404);
  });
});

describe('the refusal table: nothing forged, unsigned, replayed or malformed gets in, and nothing gets a 5xx', () => {
  const counts: Record<string, { sent: number; accepted: number; fiveXx: number }> = {};
  const refuse = async (name: string, expected: number, attempt: () => Promise<{ status: number }>) => {
    const { status } = await attempt();
    const c = (counts[name] ??= { sent: 0, accepted: 0, fiveXx: 0 });
    c.sent++;
    if (status < 400) c.accepted++;
    if (status >= 500) c.fiveXx++;
    expect(status).toBe(expected);
  };
  afterAll(() => {
    process.stdout.write(`refusal table:\n${Object.entries(counts).map(([k, c]) => `  ${k}: ${c.sent} sent, ${c.accepted} accepted, ${c.fiveXx} 5xx`).join('\n')}\n`);
  });

  const ended = { StatusCallbackEvent: 'room-ended', RoomSid: `RM${'1'.repeat(32)}`, RoomName: 'esc-nobody' };
  const changesNothing = async (run: () => Promise<void>) => {
    stack.fake.clearRequests();
    await run();
    expect(stack.fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
  };

  it('forged, unsigned and replayed-to-another-URL webhooks get 403 and change nothing', async () => {
    await changesNothing(async () => {
      for (const path of ['room-status', 'composition-status?roomName=esc-x', 'transcript-status']) {
        await refuse('forged signature', 403, () => stack.webhook(path, { ...ended, CompositionSid: `CJ${'2'.repeat(32)}` }, { signature: 'AAAAforgedAAAA=' }));
        await refuse('unsigned', 403, () => stack.webhook(path, { ...ended }, { signature: null }));
      }
      // Signed for the composition webhook, sent to the room webhook (and vice versa).
      await refuse('replayed to another URL', 403, () => stack.webhook('room-status', ended, { signedPath: 'composition-status?roomName=esc-x' }));
      await refuse('replayed to another URL', 403, () => stack.webhook('composition-status?roomName=esc-y', ended, { signedPath: 'composition-status?roomName=esc-x' }));
      // Parameters changed after signing.
      const sig = twilio.getExpectedTwilioSignature(stack.authToken, `${stack.webhookBase}/room-status`, ended);
      await refuse('forged signature', 403, () => stack.webhook('room-status', { ...ended, RoomName: 'esc-other' }, { signature: sig }));
      await refuse('unsigned', 403, () => stack.jsonWebhook('transcript-status', { transcript_sid: `GT${'3'.repeat(32)}`, customer_key: 'x/0' }, { signature: null }));
    });
  });

  it('signed but malformed or unknown webhooks get a 4xx, never a 5xx', async () => {
    await refuse('malformed body', 400, () => stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: 'nope' }));
    await refuse('malformed body', 400, () => stack.webhook('composition-status?roomName=esc-x', { StatusCallbackEvent: 'composition-available' }));
    await refuse('malformed body', 400, () => stack.jsonWebhook('transcript-status', { transcript_sid: 42 }));
    await refuse('unknown room', 404, () => stack.webhook('room-status', ended));
    await refuse('unknown room', 404, () => stack.webhook('composition-status?roomName=esc-nobody', { StatusCallbackEvent: 'composition-available', CompositionSid: `CJ${'4'.repeat(32)}` }));
    await refuse('unknown room', 404, () => stack.jsonWebhook('transcript-status', { transcript_sid: `GT${'5'.repeat(32)}`, customer_key: `RE${'0'.repeat(32)}/0` }));
  });

  it('missing, invalid and expired Flex tokens get 401; an agent on a supervisor endpoint, or on another agent\'s call, gets 403', async () => {
    const { fake } = stack;
    const conversationId = String(fake.seedConversation({ friendlyName: 'Refusals' }).sid);
    fake.seedFlexToken('flex-expired', { identity: 'alex', roles: ['agent'], expiresAt: new Date(Date.now() - 1000) });
    fake.seedFlexToken(OTHER_AGENT, { identity: 'sam', roles: ['agent'] });
    fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
    await refuse('missing Flex token', 401, () => stack.post('escalate', { conversationId }));
    await refuse('invalid Flex token', 401, () => stack.post('escalate', { Token: 'not-a-flex-token', conversationId }));
    await refuse('expired Flex token', 401, () => stack.post('escalate', { Token: 'flex-expired', conversationId }));
    await refuse('expired Flex token', 401, () => stack.post('end-call', { escalationId: 'x' }, { Authorization: 'Bearer flex-expired' }));
    const own = await stack.post('escalate', { Token: AGENT, conversationId });
    expect(own.status).toBe(200);
    await refuse('agent on a supervisor endpoint', 403, () => stack.post('resume-recordings', { Token: AGENT }));
    await refuse('agent on a supervisor endpoint', 403, () => stack.post('end-call', { Token: OTHER_AGENT, escalationId: own.body.escalationId }));
    fake.seedFlexToken('flex-supervisor', { identity: 'sue', roles: ['supervisor'] });
    const resumed = await stack.post('resume-recordings', { Token: 'flex-supervisor' });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toEqual({ jobs: [] }); // the one recording so far is attached; nothing is left to push
    await refuse('malformed body', 400, () => stack.post('escalate', { Token: AGENT, conversationId: '../../etc' }));
  });

  it('a link forged for another room gets 401, and a real link only ever grants its own room', async () => {
    const { CustomerLinks } = await import('../../src/core/customer-link');
    const forged = new CustomerLinks('a-different-secret-that-is-long-enough-42', stack.webhookBase);
    const token = await forged.sign({
      escalationId: 'e1',
      conversationId: 'CH1',
      roomName: 'esc-someone-else',
      customerIdentity: 'customer:x',
      linkId: 'L1',
      expiresAt: new Date(Date.now() + 60_000),
    });
    await refuse('customer token for another room', 401, () => stack.post('customer-token', { linkToken: token, action: 'join' }));
    await refuse('malformed body', 400, () => stack.post('customer-token', { action: 'join' }));
  });
});
