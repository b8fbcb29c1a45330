/**
 * The fake Twilio answers the way Twilio documents (so contract tests built on it mean something):
 * read through the real `twilio` client, its recordings, compositions, transcripts, paging,
 * errors and auth behave as the REST API's reference pages describe.
 */
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('Video', () => {
  it('lists a room recordings by GroupingSid with grouping_sids, track_name and type', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1', recordParticipantsOnConnect: true });
    const agent = fake.seedParticipant(room.sid, 'agent:alex');
    const other = fake.seedRoom({ uniqueName: 'esc-2' });
    fake.seedRecording(room.sid, { participantSid: agent.sid, trackName: 'camera', type: 'video' });
    fake.seedRecording(room.sid, { participantSid: agent.sid, trackName: 'microphone', type: 'audio' });
    fake.seedRecording(other.sid, { participantSid: agent.sid, trackName: 'x', type: 'audio' });
    fake.completeRoom(room.sid);

    const recordings = await fake.client().video.v1.recordings.list({ groupingSid: [room.sid] });

    expect(fake.requests[0]).toMatchObject({ method: 'GET', host: 'video.twilio.com', path: '/v1/Recordings', query: { GroupingSid: room.sid } });
    expect(recordings.map((r) => [r.trackName, r.type, r.groupingSids])).toEqual([
      ['microphone', 'audio', { room_sid: room.sid, participant_sid: agent.sid }],
      ['camera', 'video', { room_sid: room.sid, participant_sid: agent.sid }],
    ]);
    expect(recordings[0]).toMatchObject({ sid: expect.stringMatching(/^RT/), status: 'completed', containerFormat: 'mka', codec: 'opus' });
  });

  it('lists disconnected participants of a completed room by default', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    fake.seedParticipant(room.sid, 'agent:alex');
    fake.completeRoom(room.sid);
    const participants = await fake.client().video.v1.rooms(room.sid).participants.list();
    expect(participants.map((p) => [p.identity, p.status, typeof p.duration])).toEqual([['agent:alex', 'disconnected', 'number']]);
  });

  it('frees a unique name when its room completes', async () => {
    const first = fake.seedRoom({ uniqueName: 'esc-1', completed: true });
    const second = await fake.client().video.v1.rooms.create({ uniqueName: 'esc-1', type: 'group' });
    expect(second.sid).not.toBe(first.sid);
    expect((await fake.client().video.v1.rooms('esc-1').fetch()).sid).toBe(second.sid);
  });

  it('creates a composition, and once completed redirects its Media to a downloadable URL', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    const agent = fake.seedParticipant(room.sid, 'agent:alex');
    fake.seedRecording(room.sid, { participantSid: agent.sid, trackName: 'camera-a1', type: 'video' });
    fake.seedRecording(room.sid, { participantSid: agent.sid, trackName: 'microphone-a1', type: 'audio' });
    fake.completeRoom(room.sid);
    const client = fake.client();
    const composition = await client.video.v1.compositions.create({
      roomSid: room.sid,
      audioSources: ['*'],
      videoLayout: { grid: { video_sources: ['*'] } },
      format: 'mp4',
      statusCallback: 'https://x.twil.io/composition-status',
    });
    expect(fake.requests[0].form).toEqual({
      RoomSid: room.sid,
      AudioSources: '*',
      VideoLayout: '{"grid":{"video_sources":["*"]}}',
      Format: 'mp4',
      StatusCallback: 'https://x.twil.io/composition-status',
    });
    expect(composition).toMatchObject({ sid: expect.stringMatching(/^CJ/), status: 'enqueued', videoLayout: { grid: { video_sources: ['*'] } } });

    const mediaUri = `https://video.twilio.com/v1/Compositions/${composition.sid}/Media?Ttl=600`;
    expect((await client.request({ method: 'get', uri: mediaUri })).statusCode).toBe(404);

    fake.completeComposition(composition.sid, { duration: 12, media: Buffer.from('webm bytes') });
    expect((await client.video.v1.compositions(composition.sid).fetch()).status).toBe('completed');
    const media = await client.request({ method: 'get', uri: mediaUri });
    expect(media.statusCode).toBe(302);
    const download = await fetch(media.body.redirect_to);
    expect(await download.text()).toBe('webm bytes');
    expect(media.headers.location).toBe(media.body.redirect_to);
  });
});

// Intelligence: tests/contract/twilio-fake-intelligence.test.ts (the fake's strict Voice Intelligence).

describe('errors and auth', () => {
  it('injects failures for the next matching calls only', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    fake.failNext({ method: 'GET', host: 'video.twilio.com', path: /^\/v1\/Rooms\//, status: 503, times: 2 });
    const rooms = fake.client().video.v1.rooms;
    await expect(rooms(room.sid).fetch()).rejects.toMatchObject({ status: 503, code: 20500 });
    await expect(rooms(room.sid).fetch()).rejects.toMatchObject({ status: 503 });
    await expect(rooms(room.sid).fetch()).resolves.toMatchObject({ sid: room.sid });
  });

  it('answers unknown resources with Twilio 20404 and malformed updates with documented codes', async () => {
    const client = fake.client();
    await expect(client.video.v1.rooms('RM' + '0'.repeat(32)).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      moreInfo: 'https://www.twilio.com/docs/errors/20404',
    });
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    await expect(client.video.v1.rooms.create({ uniqueName: 'esc-1' })).rejects.toMatchObject({ status: 400, code: 53113 });
    fake.seedParticipant(room.sid, 'agent:alex');
    await expect(client.video.v1.rooms(room.sid).participants('agent:alex').update({ status: 'connected' as never })).rejects.toMatchObject({ code: 53209 });
  });

  it('refuses requests without credentials (20003) and records what it received', async () => {
    const response = await fetch(`${fake.baseUrl}/video/v1/Rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'UniqueName=x',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 20003, status: 401 });
    expect(fake.requests[0]).toMatchObject({ host: 'video.twilio.com', path: '/v1/Rooms', form: { UniqueName: 'x' }, auth: { present: false }, status: 401 });
    expect(fake.state.rooms.size).toBe(0);
  });

  it('keeps the messages a conversation was seeded with, paged with absolute Twilio URLs', async () => {
    const c = fake.seedConversation();
    for (let i = 0; i < 3; i++) fake.seedMessage(c.sid, { author: 'a', body: `m${i}` });
    const page = await fake.client().conversations.v1.conversations(c.sid).messages.page({ pageSize: 2, order: 'desc' });
    expect(page.instances.map((m) => [m.index, m.body])).toEqual([
      [2, 'm2'],
      [1, 'm1'],
    ]);
    expect(page.nextPageUrl).toMatch(new RegExp(`^https://conversations\\.twilio\\.com/v1/Conversations/${c.sid}/Messages\\?Order=desc&PageSize=2&Page=1&PageToken=`));
  });
});
