/**
 * Retention on Twilio deletes through the REST API exactly: the room's track recordings
 * (`DELETE /v1/Recordings/{sid}`) and its compositions (`DELETE /v1/Compositions/{sid}`), found by
 * `GET /v1/Recordings?GroupingSid=RM…` and `GET /v1/Compositions?RoomSid=RM…`. Run through the
 * real `twilio` client against the local fake, asserting every call.
 */
import { TwilioRecordingMedia } from '../../src/adapters/twilio/twilio-recording-media';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const calls = () => fake.requests.map((r) => `${r.method} ${r.host} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query as Record<string, string>)}` : ''}`);

/** A completed room with two tracks recorded, a grid composition and one speaker's audio composition. */
async function recordedRoom() {
  const room = fake.seedRoom({ uniqueName: 'esc-ret', recordParticipantsOnConnect: true, completed: true });
  const other = fake.seedRoom({ uniqueName: 'esc-other', recordParticipantsOnConnect: true, completed: true });
  const tracks = [
    fake.seedRecording(room.sid, { participantSid: 'PA1', trackName: 'mic', type: 'audio' }),
    fake.seedRecording(room.sid, { participantSid: 'PA1', trackName: 'cam', type: 'video' }),
  ];
  const untouched = fake.seedRecording(other.sid, { participantSid: 'PA9', trackName: 'mic', type: 'audio' });
  const client = fake.client();
  const grid = await client.video.v1.compositions.create({ roomSid: room.sid, audioSources: ['*'], videoLayout: { grid: { video_sources: ['*'] } }, format: 'mp4' });
  const speech = await client.video.v1.compositions.create({ roomSid: room.sid, audioSources: ['mic'], format: 'mp4' });
  const otherComposition = await client.video.v1.compositions.create({ roomSid: other.sid, audioSources: ['*'], format: 'mp4' });
  fake.completeComposition(grid.sid, { size: 5000 });
  fake.completeComposition(speech.sid, { size: 700 });
  fake.clearRequests();
  const job = { roomName: 'esc-ret', roomSid: room.sid, recordingId: 'RE1', video: { compositionId: grid.sid, status: 'ready' } } as PipelineJob;
  return { room, tracks, untouched, grid, speech, otherComposition, job };
}

const artifactsDeleted: string[] = [];
const media = () =>
  new TwilioRecordingMedia({
    client: fake.client(),
    deleteArtifacts: async (id) => {
      artifactsDeleted.push(id);
      return 2;
    },
  });

describe('TwilioRecordingMedia', () => {
  it("deletes the room's compositions, then its track recordings, and nothing of another room", async () => {
    const { room, tracks, untouched, grid, speech, otherComposition, job } = await recordedRoom();
    expect(await media().countMedia(job)).toBe(4);
    fake.clearRequests();

    expect(await media().deleteMedia(job)).toBe(4);
    const [list1, list2, ...deletes] = calls();
    expect([list1, list2]).toEqual([
      `GET video.twilio.com /v1/Recordings?GroupingSid=${room.sid}`,
      `GET video.twilio.com /v1/Compositions?RoomSid=${room.sid}`,
    ]);
    expect(deletes.slice(0, 2).sort()).toEqual([grid.sid, speech.sid].map((s) => `DELETE video.twilio.com /v1/Compositions/${s}`).sort());
    expect(deletes.slice(2).sort()).toEqual(tracks.map((t) => `DELETE video.twilio.com /v1/Recordings/${t.sid}`).sort());
    expect(fake.requests.filter((r) => r.method === 'DELETE').every((r) => r.status === 204 && r.auth.present)).toBe(true);

    expect(fake.state.compositions.has(grid.sid)).toBe(false);
    expect(fake.state.compositions.has(otherComposition.sid)).toBe(true);
    expect(tracks.map((t) => fake.state.recordings.get(t.sid)?.status)).toEqual(['deleted', 'deleted']);
    expect(fake.state.recordings.get(untouched.sid)?.status).toBe('completed');
    expect(await media().countMedia(job)).toBe(0);
    expect(await media().mediaBytes(job)).toBe(0);
  });

  it('is idempotent: what is already gone (404, or a recording with status deleted) counts as deleted', async () => {
    const { tracks, grid, job } = await recordedRoom();
    await fake.client().video.v1.recordings(tracks[0].sid).remove();
    await fake.client().video.v1.compositions(grid.sid).remove();
    fake.clearRequests();
    expect(await media().deleteMedia(job)).toBe(2);
    expect(calls().filter((c) => c.startsWith('DELETE'))).toHaveLength(2);
    fake.clearRequests();
    expect(await media().deleteMedia(job)).toBe(0);
    expect(calls().filter((c) => c.startsWith('DELETE'))).toEqual([]);
  });

  it('a deletion Twilio answers with 404 (gone meanwhile) is no failure; other errors are', async () => {
    const { grid, job } = await recordedRoom();
    fake.failNext({ method: 'DELETE', path: `/v1/Compositions/${grid.sid}`, status: 404 });
    await expect(media().deleteMedia(job)).resolves.toBe(3);
    const again = await recordedRoom();
    fake.failNext({ method: 'DELETE', path: `/v1/Recordings/${again.tracks[0].sid}`, status: 503 });
    await expect(media().deleteMedia(again.job)).rejects.toMatchObject({ status: 503 });
  });

  it('sums the sizes Twilio reports, and hands the transcript to the store', async () => {
    const { job } = await recordedRoom();
    // Two tracks of 4096 bytes (the fake's size), 5000 + 700 of compositions.
    expect(await media().mediaBytes(job)).toBe(2 * 4096 + 5700);
    expect(await media().deleteTranscriptArtifacts(job)).toBe(2);
    expect(artifactsDeleted).toEqual(['RE1']);
  });
});
