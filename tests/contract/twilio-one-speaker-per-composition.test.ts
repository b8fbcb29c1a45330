/**
 * One speaker per audio composition (#18, part 3), through the deployed-shape Functions against
 * the strict fake: an agent and a customer on a call, and a supervisor who barges in. Each browser
 * publishes its own track names (`microphone-<suffix>`, as src/client/twilio does); the room-ended
 * webhook composes the room, and the fake reports which recordings each composition took. Every
 * speaker's audio composition takes exactly that participant's recordings; the grid takes all.
 */
import { RECORDING_NOTICE } from '../../src/domain/consent';
import { newTrackNameSuffix, trackNamesFor } from '../../src/client/twilio/track-source';
import { compositionSources } from '../support/fake-twilio/video-compositions';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';

jest.setTimeout(120_000);

let stack: TwilioStack;
beforeAll(async () => {
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
});

const AGENT = 'flex-agent-token-3s';
const SUPERVISOR = 'flex-supervisor-token-3s';

it('composes each speaker of a barged-in call alone, and the grid from everyone', async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  fake.seedFlexToken(SUPERVISOR, { identity: 'sue', roles: ['supervisor'] });
  const conversationSid = String(fake.seedConversation({ friendlyName: 'Chat with Casey' }).sid);

  const escalated = await stack.post('escalate', { Token: AGENT, conversationId: conversationSid });
  expect(escalated.status).toBe(200);
  const { roomName, roomSid } = escalated.body.access as { roomName: string; roomSid: string };
  const linkToken = new URL(escalated.body.customerLink).hash.replace(/^#t=/, '');
  const joined = await stack.post('customer-token', { linkToken, action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
  expect(joined.status).toBe(200);
  const barged = await stack.post('monitor', { Token: SUPERVISOR, action: 'start', escalationId: escalated.body.escalationId, bargeIn: true });
  expect(barged.status).toBe(200);
  expect(barged.body.access).toMatchObject({ role: 'supervisor', roomName });

  // The call on Twilio: each browser publishes under its own names; the supervisor barges in with a voice.
  const speakers = [
    { identity: 'agent:alex', video: true },
    { identity: String(joined.body.access.identity), video: true },
    { identity: String(barged.body.access.identity), video: false },
  ].map((s) => {
    const names = trackNamesFor(newTrackNameSuffix());
    const participantSid = String(fake.seedParticipant(roomSid, s.identity).sid);
    const tracks = [String(fake.seedRecording(roomSid, { participantSid, trackName: names.microphone, type: 'audio', duration: 60 }).sid)];
    if (s.video) tracks.push(String(fake.seedRecording(roomSid, { participantSid, trackName: names.camera, type: 'video', duration: 60 }).sid));
    return { ...s, participantSid, tracks };
  });
  const everyone = speakers.map((s) => s.participantSid);
  expect(new Set(speakers.flatMap((s) => s.tracks.map((t) => fake.state.recordings.get(t)!.track_name))).size).toBe(5); // no shared name
  fake.completeRoom(roomSid);
  fake.clearRequests();

  const ended = await stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: roomSid, RoomName: roomName, RoomStatus: 'completed' });
  expect(ended.status).toBe(200);

  // Every create was accepted by the strict fake: a grid, then one audio composition per speaker by participant SID.
  const creates = fake.requestsTo('video.twilio.com').filter((r) => r.method === 'POST' && r.path === '/v1/Compositions');
  expect(creates.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  expect(creates.map((r) => r.form.AudioSources)).toEqual(['*', ...everyone]);
  const [grid, ...perSpeaker] = [...fake.state.compositions.values()].map((c) => String(c.sid));

  let foreign = 0;
  perSpeaker.forEach((sid, i) => {
    const took = compositionSources(fake.state, sid);
    expect(took).toEqual({ audio: [speakers[i].tracks[0]], video: [], participants: [speakers[i].participantSid] });
    foreign += took.participants.filter((p) => p !== speakers[i].participantSid).length;
  });
  const gridTook = compositionSources(fake.state, grid);
  expect([...gridTook.participants].sort()).toEqual([...everyone].sort());
  expect([...gridTook.audio, ...gridTook.video].sort()).toEqual(speakers.flatMap((s) => s.tracks).sort());

  // Composed as Twilio would: each speaker's file is audio only, the grid has video; what each took stays as it was.
  for (const sid of [grid, ...perSpeaker]) fake.completeComposition(sid, { duration: 60 });
  perSpeaker.forEach((sid, i) => expect(compositionSources(fake.state, sid).participants).toEqual([speakers[i].participantSid]));
  expect(fake.state.compositions.get(grid)).toMatchObject({ status: 'completed', resolution: '1280x720', format: 'mp4' });

  process.stdout.write(`figure: per_speaker_foreign_participants ${foreign}\n`);
  process.stdout.write(`figure: per_speaker_compositions ${perSpeaker.length} (speakers ${speakers.length})\n`);
  expect(foreign).toBe(0);
  expect(perSpeaker).toHaveLength(3);
});
