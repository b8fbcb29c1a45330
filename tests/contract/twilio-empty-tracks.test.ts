/**
 * A room whose tracks are not all usable (#23): a supervisor who barged in with audio only, a
 * camera that never sent a frame, a track Twilio failed to record. The composer leaves each one
 * out with a reason and still composes the rest, each speaker's audio selected by participant.
 */
import { TwilioComposer } from '../../src/adapters/twilio/twilio-composer';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';
import { compositionSources } from '../support/fake-twilio/video-compositions';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const CALLBACK = 'https://escalation-1234.twil.io/composition-status';

it('composes a barged-in call from the tracks with media and notes the empty ones', async () => {
  const room = fake.seedRoom({ uniqueName: 'esc-barge' });
  const roomSid = String(room.sid);
  const agent = String(fake.seedParticipant(roomSid, 'agent:alex').sid);
  const customer = String(fake.seedParticipant(roomSid, 'customer:jordan').sid);
  const supervisor = String(fake.seedParticipant(roomSid, 'supervisor:sam').sid);
  for (const p of [agent, customer]) {
    fake.seedRecording(roomSid, { participantSid: p, trackName: 'microphone', type: 'audio' });
    fake.seedRecording(roomSid, { participantSid: p, trackName: 'camera', type: 'video' });
  }
  // Barge-in: a voice, and a video track that never carried a frame.
  fake.seedRecording(roomSid, { participantSid: supervisor, trackName: 'microphone', type: 'audio' });
  fake.seedRecording(roomSid, { participantSid: supervisor, trackName: 'camera', type: 'video', size: 0 });
  // A customer's second microphone that Twilio failed to record.
  fake.seedRecording(roomSid, { participantSid: customer, trackName: 'microphone-2', type: 'audio', status: 'failed' });
  fake.completeRoom(roomSid);
  fake.clearRequests();

  const composer = new TwilioComposer({ client: fake.client(), statusCallbackUrl: CALLBACK });
  const started = await composer.start({ name: 'esc-barge', sid: roomSid }, 'REbarge', { layout: 'grid' });

  expect(started.video).toEqual({ compositionId: expect.stringMatching(/^CJ/), status: 'pending' });
  expect(started.speech.map((s) => [s.participantIdentity, s.role])).toEqual([
    ['agent:alex', 'agent'],
    ['customer:jordan', 'customer'],
    ['supervisor:sam', 'supervisor'],
  ]);
  expect(started.leftOut).toEqual([
    { participantIdentity: 'customer:jordan', kind: 'audio', reason: 'recording failed' },
    { participantIdentity: 'supervisor:sam', kind: 'video', reason: 'no media in the recording' },
  ]);
  const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/Compositions').map((r) => r.form.AudioSources);
  // One grid of everything, then one composition per speaker by participant SID (never a shared track name).
  expect(created).toEqual(['*', agent, customer, supervisor]);
  // These tracks share the name `microphone` (another client's naming): selected by SID, each speaker's
  // composition still takes that participant alone, and never the recording Twilio failed to make.
  const took = started.speech.map((s) => compositionSources(fake.state, s.compositionId));
  expect(took.map((t) => t.participants)).toEqual([[agent], [customer], [supervisor]]);
  expect(took.every((t) => t.audio.length === 1 && t.video.length === 0)).toBe(true);
});

it('returns no video when no track of the room holds media, and says why for each', async () => {
  const room = fake.seedRoom({ uniqueName: 'esc-silent' });
  const roomSid = String(room.sid);
  const agent = String(fake.seedParticipant(roomSid, 'agent:alex').sid);
  fake.seedRecording(roomSid, { participantSid: agent, trackName: 'microphone', type: 'audio', size: 0 });
  fake.seedRecording(roomSid, { participantSid: agent, trackName: 'camera', type: 'video', status: 'deleted' });
  fake.completeRoom(roomSid);
  fake.clearRequests();

  const started = await new TwilioComposer({ client: fake.client(), statusCallbackUrl: CALLBACK }).start({ name: 'esc-silent', sid: roomSid }, 'REsilent');

  expect(started).toEqual({
    video: null,
    speech: [],
    leftOut: [
      { participantIdentity: 'agent:alex', kind: 'video', reason: 'recording deleted' },
      { participantIdentity: 'agent:alex', kind: 'audio', reason: 'no media in the recording' },
    ],
  });
  expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
});
