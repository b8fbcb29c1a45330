/**
 * Async clips on Twilio, at the HTTP boundary: pause and resume are the room's Recording Rules, a
 * retake deletes every recording of its room, and a clip is composed picture-in-picture from
 * regions. Each test runs the adapter through the real `twilio` client against the local fake
 * Twilio and asserts the exact REST calls.
 */
import { TwilioComposer } from '../../src/adapters/twilio/twilio-composer';
import { TwilioRooms } from '../../src/adapters/twilio/twilio-rooms';
import { trackNamesFor } from '../../src/client/twilio/track-source';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';
import { compositionSources } from '../support/fake-twilio/video-compositions';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const calls = () => fake.requests.map((r) => `${r.method} ${r.host} ${r.path}`);

const rooms = () =>
  new TwilioRooms({
    client: fake.client(),
    accountSid: fake.accountSid,
    apiKeySid: fake.credentials.apiKeySid,
    apiKeySecret: fake.credentials.apiKeySecret,
    statusCallbackUrl: 'https://escalation-1234.twil.io/room-status',
  });

describe('TwilioRooms: pause and resume a clip with Recording Rules', () => {
  it('pauses with "exclude all" and resumes with "include all" on the room the clip created', async () => {
    const ref = await rooms().createRoom({ name: 'clip-c1-1', recording: true, maxParticipants: 1 });
    // Created recording everyone on connect: the rules a resume puts back.
    expect(fake.state.recordingRules.get(ref.sid)?.rules).toEqual([{ type: 'include', all: true }]);
    fake.clearRequests();

    await rooms().setRecording(ref, false);
    expect(fake.state.recordingRules.get(ref.sid)?.rules).toEqual([{ type: 'exclude', all: true }]);
    await rooms().setRecording(ref, true);

    expect(fake.requests.map((r) => [r.method, r.host, r.path, r.query, r.form, r.status])).toEqual([
      ['POST', 'video.twilio.com', `/v1/Rooms/${ref.sid}/RecordingRules`, {}, { Rules: '[{"type":"exclude","all":true}]' }, 200],
      ['POST', 'video.twilio.com', `/v1/Rooms/${ref.sid}/RecordingRules`, {}, { Rules: '[{"type":"include","all":true}]' }, 200],
    ]);
    expect(fake.requests[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(fake.state.recordingRules.get(ref.sid)?.rules).toEqual([{ type: 'include', all: true }]);
    // The room stays open throughout: a pause is not a new room.
    expect(fake.state.rooms.get(ref.sid)?.status).toBe('in-progress');
    expect(fake.state.rooms.size).toBe(1);
  });

  it('surfaces a failure to switch recording (the clip must not look paused while it records)', async () => {
    const room = fake.seedRoom({ uniqueName: 'clip-c1-1', recordParticipantsOnConnect: true });
    fake.failNext({ method: 'POST', path: `/v1/Rooms/${room.sid}/RecordingRules`, status: 503 });
    await expect(rooms().setRecording({ name: 'clip-c1-1', sid: room.sid }, false)).rejects.toMatchObject({ status: 503 });
    expect(fake.state.recordingRules.get(room.sid)?.rules).toEqual([{ type: 'include', all: true }]);
  });
});

describe('TwilioRooms: a retake deletes what its room recorded', () => {
  /** A take of `runs` runs (pauses in between): a microphone, camera and screen recording per run. */
  const seedTake = (roomSid: string, runs: number) => {
    const p = fake.seedParticipant(roomSid, 'customer:c1', 'disconnected');
    const seeded = [];
    const names = trackNamesFor('c1a2');
    for (let run = 0; run < runs; run++) {
      for (const [trackName, type] of [[names.microphone, 'audio'], [names.camera, 'video'], [names.screen, 'video']] as const) {
        seeded.push(fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName, type }));
      }
    }
    return seeded.map((r) => String(r.sid));
  };

  it('deletes every recording of the room across every page, and nothing of another room', async () => {
    const take = fake.seedRoom({ uniqueName: 'clip-c1-1', recordParticipantsOnConnect: true, completed: true });
    const other = fake.seedRoom({ uniqueName: 'esc-9', recordParticipantsOnConnect: true, completed: true });
    const takeSids = seedTake(String(take.sid), 19); // 57 recordings: two pages of Twilio's default 50
    const otherSids = seedTake(String(other.sid), 1);
    fake.state.recordings.get(takeSids[0])!.status = 'deleted'; // an earlier discard got this far

    await rooms().discardRecordings({ name: 'clip-c1-1', sid: String(take.sid) });

    const lists = fake.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => [r.host, r.path, r.status])).toEqual([
      ['video.twilio.com', `/v1/Rooms/${take.sid}/Recordings`, 200],
      ['video.twilio.com', `/v1/Rooms/${take.sid}/Recordings`, 200],
    ]);
    expect(lists[0].query).toEqual({});
    expect(lists[1].query).toMatchObject({ Page: '1', PageToken: expect.any(String) });
    const deletes = fake.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.every((r) => r.host === 'video.twilio.com' && r.status === 204 && Object.keys(r.form).length === 0)).toBe(true);
    expect(deletes.map((r) => r.path).sort()).toEqual(takeSids.slice(1).map((sid) => `/v1/Recordings/${sid}`).sort());
    expect(calls().filter((c) => !c.startsWith('GET ') && !c.startsWith('DELETE '))).toEqual([]);
    expect(takeSids.every((sid) => fake.state.recordings.get(sid)!.status === 'deleted')).toBe(true);
    expect(otherSids.map((sid) => fake.state.recordings.get(sid)!.status)).toEqual(['completed', 'completed', 'completed']);
  });

  it('is idempotent: a second discard deletes nothing, and a recording already gone (404) is not an error', async () => {
    const take = fake.seedRoom({ uniqueName: 'clip-c1-1', recordParticipantsOnConnect: true, completed: true });
    const sids = seedTake(String(take.sid), 2);
    const ref = { name: 'clip-c1-1', sid: String(take.sid) };
    // Deleted elsewhere between our list and our delete: Twilio answers 404.
    fake.failNext({ method: 'DELETE', path: `/v1/Recordings/${sids[2]}`, status: 404, code: 20404 });

    await rooms().discardRecordings(ref);
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => [r.path, r.status]).sort()).toEqual(
      sids.map((sid) => [`/v1/Recordings/${sid}`, sid === sids[2] ? 404 : 204]).sort(),
    );
    fake.state.recordings.get(sids[2])!.status = 'deleted'; // what the other delete did
    fake.clearRequests();

    await rooms().discardRecordings(ref);
    expect(calls()).toEqual([`GET video.twilio.com /v1/Rooms/${take.sid}/Recordings`]);
  });

  it('the fake answers a second DELETE of one recording with 404, as the adapter expects of a recording already gone', async () => {
    const take = fake.seedRoom({ uniqueName: 'clip-c1-1', recordParticipantsOnConnect: true, completed: true });
    const [sid] = seedTake(String(take.sid), 1);
    const client = fake.client();
    await expect(client.video.v1.recordings(sid).remove()).resolves.toBe(true);
    await expect(client.video.v1.recordings(sid).remove()).rejects.toMatchObject({ status: 404 });
    // Its metadata stays, as on Twilio, marked deleted.
    expect((await client.video.v1.rooms(String(take.sid)).recordings.list()).find((r) => r.sid === sid)?.status).toBe('deleted');
  });

  it('has nothing to discard in a room Twilio does not know, and surfaces any other failure', async () => {
    await expect(rooms().discardRecordings({ name: 'gone', sid: 'RM' + '0'.repeat(32) })).resolves.toBeUndefined();
    expect(fake.requests.map((r) => r.status)).toEqual([404]);

    const take = fake.seedRoom({ uniqueName: 'clip-c1-1', recordParticipantsOnConnect: true, completed: true });
    const [sid] = seedTake(String(take.sid), 1);
    fake.failNext({ method: 'DELETE', path: `/v1/Recordings/${sid}`, status: 500 });
    await expect(rooms().discardRecordings({ name: 'clip-c1-1', sid: String(take.sid) })).rejects.toMatchObject({ status: 500 });
    expect(fake.state.recordings.get(sid)!.status).toBe('completed');
  });
});

describe('TwilioComposer: a clip is composed picture-in-picture from regions', () => {
  const STATUS_CALLBACK = 'https://escalation-1234.twil.io/composition-status';
  const composer = () => new TwilioComposer({ client: fake.client(), statusCallbackUrl: STATUS_CALLBACK });

  /** A finished clip room with these tracks recorded, each in two runs (one pause). */
  const seedClip = (tracks: { name: string; type: 'audio' | 'video' }[]) => {
    const room = fake.seedRoom({ uniqueName: 'clip-c1-1', recordParticipantsOnConnect: true });
    const p = fake.seedParticipant(String(room.sid), 'customer:c1');
    for (let run = 0; run < 2; run++) {
      for (const t of tracks) fake.seedRecording(String(room.sid), { participantSid: String(p.sid), trackName: t.name, type: t.type });
    }
    fake.completeRoom(String(room.sid));
    fake.clearRequests();
    return { name: 'clip-c1-1', sid: String(room.sid), participantSid: String(p.sid) };
  };
  const compositionForms = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/Compositions').map((r) => r.form);
  const callback = `${STATUS_CALLBACK}?roomName=clip-c1-1`;
  // What the browser client publishes: `<source>-<suffix>`, unique to this participant.
  const NAMES = trackNamesFor('c1a2');
  const MIC = { name: NAMES.microphone, type: 'audio' as const };
  const CAMERA = { name: NAMES.camera, type: 'video' as const };
  const SCREEN = { name: NAMES.screen, type: 'video' as const };

  it('puts the screen in the main region and the camera in a bottom-right region over it; trims the pauses', async () => {
    const room = seedClip([MIC, CAMERA, SCREEN]);

    const started = await composer().start(room, 'rec-1', { layout: 'pip' });

    const [video, speech, ...more] = compositionForms();
    expect(more).toEqual([]);
    expect(video).toEqual({
      RoomSid: room.sid,
      Format: 'mp4',
      Trim: 'true',
      StatusCallback: callback,
      StatusCallbackMethod: 'POST',
      AudioSources: '*',
      VideoLayout: expect.any(String),
      Resolution: '1280x720',
    });
    const layout = JSON.parse(String(video.VideoLayout));
    expect(layout).toEqual({
      // Each region selects its kind of track by Twilio's wildcard: the names carry a per-participant suffix.
      screen: { z_pos: 1, video_sources: ['screen*'] },
      camera: { z_pos: 2, x_pos: 936, y_pos: 456, width: 320, height: 240, video_sources: ['camera*'] },
    });
    // The corner really is the bottom-right quarter, inside the 1280x720 frame.
    const cam = layout.camera;
    expect(cam.x_pos).toBeGreaterThan(1280 / 2);
    expect(cam.y_pos).toBeGreaterThan(720 / 2);
    expect(cam.x_pos + cam.width).toBeLessThanOrEqual(1280);
    expect(cam.y_pos + cam.height).toBeLessThanOrEqual(720);
    // The one speaker is trimmed the same way, so the transcript follows the trimmed video.
    // The speaker's audio by participant SID (Twilio's Conversational Intelligence guide), never by a shared track name.
    expect(speech).toEqual({ RoomSid: room.sid, Format: 'mp4', Trim: 'true', StatusCallback: callback, StatusCallbackMethod: 'POST', AudioSources: room.participantSid });
    expect(fake.state.compositions.get(started.video!.compositionId)).toMatchObject({ trim: true, resolution: '1280x720', video_layout: layout });
    // `screen*` and `camera*` take the suffixed names the browser publishes: both runs of both tracks.
    const took = compositionSources(fake.state, started.video!.compositionId);
    expect(took.video.map((sid) => fake.state.recordings.get(sid)!.track_name).sort()).toEqual([CAMERA.name, CAMERA.name, SCREEN.name, SCREEN.name]);
    expect(took.participants).toEqual([room.participantSid]);
    expect(started.speech).toEqual([
      { compositionId: expect.stringMatching(/^CJ/), status: 'pending', participantIdentity: 'customer:c1', role: 'customer', startOffsetSeconds: 0 },
    ]);
  });

  it.each([
    ['camera only: the camera fills the frame', [MIC, CAMERA], { camera: { z_pos: 1, video_sources: ['camera*'] } }],
    ['screen only: the screen fills the frame', [MIC, SCREEN], { screen: { z_pos: 1, video_sources: ['screen*'] } }],
  ])('%s', async (_what, tracks, expected) => {
    const room = seedClip(tracks);
    await composer().start(room, 'rec-1', { layout: 'pip' });
    const [video] = compositionForms();
    expect(JSON.parse(String(video.VideoLayout))).toEqual(expected);
    expect(video).toMatchObject({ Trim: 'true', Resolution: '1280x720', AudioSources: '*' });
  });

  it('keeps a call exactly as before: a grid, untrimmed, whether the layout is named or not', async () => {
    const room = seedClip([MIC, CAMERA, SCREEN]);
    const gridForms = [
      { RoomSid: room.sid, Format: 'mp4', Trim: 'false', StatusCallback: callback, StatusCallbackMethod: 'POST', AudioSources: '*', VideoLayout: JSON.stringify({ grid: { video_sources: ['*'] } }), Resolution: '1280x720' },
      { RoomSid: room.sid, Format: 'mp4', Trim: 'false', StatusCallback: callback, StatusCallbackMethod: 'POST', AudioSources: room.participantSid },
    ];

    await composer().start(room, 'rec-1');
    expect(compositionForms()).toEqual(gridForms);
    fake.clearRequests();
    await composer().start(room, 'rec-1', { layout: 'grid' });
    expect(compositionForms()).toEqual(gridForms);
  });
});
