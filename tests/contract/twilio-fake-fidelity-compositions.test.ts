/**
 * The fake refuses what Twilio's Compositions API documents that it refuses, with Twilio's status
 * and error body, through the real `twilio` client; it selects sources the documented way (track
 * names with `*`, participant SIDs) and serves a real media file. Each rule and its page:
 * tests/support/fake-twilio/FIDELITY.md, section "Video Compositions".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompositionListInstanceCreateOptions } from 'twilio/lib/rest/video/v1/composition';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';
import { compositionSources } from '../support/fake-twilio/video-compositions';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** A completed group room: agent and customer with a microphone and a camera each, a supervisor with a microphone. */
function recordedRoom(names: 'unique' | 'shared' = 'unique') {
  const room = fake.seedRoom({ uniqueName: `esc-${names}`, recordParticipantsOnConnect: true });
  const people = { agent: 'agent:alex', customer: 'customer:c1', supervisor: 'supervisor:sue' } as const;
  const sid: Record<keyof typeof people, string> = { agent: '', customer: '', supervisor: '' };
  const tracks: Record<string, string> = {};
  for (const [who, identity] of Object.entries(people) as [keyof typeof people, string][]) {
    const p = fake.seedParticipant(room.sid, identity);
    sid[who] = String(p.sid);
    const name = (source: string) => (names === 'unique' ? `${source}-${who}` : source);
    tracks[`${who}.mic`] = String(fake.seedRecording(room.sid, { participantSid: sid[who], trackName: name('microphone'), type: 'audio' }).sid);
    if (who !== 'supervisor') tracks[`${who}.cam`] = String(fake.seedRecording(room.sid, { participantSid: sid[who], trackName: name('camera'), type: 'video' }).sid);
  }
  fake.completeRoom(room.sid);
  return { roomSid: String(room.sid), sid, tracks };
}

const create = (o: Partial<CompositionListInstanceCreateOptions> & { roomSid: string }) => fake.client().video.v1.compositions.create({ format: 'mp4', ...o });
/** Twilio's error as twilio-node surfaces it: HTTP status, Twilio code, and the dictionary link. */
const twilioError = (status: number, code: number, message: RegExp) =>
  expect.objectContaining({ status, code, message: expect.stringMatching(message), moreInfo: `https://www.twilio.com/docs/errors/${code}` });

describe('POST /v1/Compositions refuses what Twilio documents it refuses', () => {
  it('Format: mp4 or webm only', async () => {
    const { roomSid } = recordedRoom();
    for (const format of ['mp3', 'mka', 'wav', 'flac', 'MP4']) {
      await expect(create({ roomSid, audioSources: ['*'], format: format as 'mp4' })).rejects.toEqual(twilioError(400, 400, /^Format .* can be mp4 or webm/));
    }
    await expect(create({ roomSid, audioSources: ['*'], format: 'webm' })).resolves.toMatchObject({ format: 'webm' });
    expect((await fake.client().video.v1.compositions.create({ roomSid, audioSources: ['*'] })).format).toBe('webm'); // the documented default
    expect(fake.state.compositions.size).toBe(2);
  });

  it('Resolution: at most 1280 a side and 921,600 pixels in all, at least 16 a side', async () => {
    const { roomSid } = recordedRoom();
    const grid = { grid: { video_sources: ['*'] } };
    for (const resolution of ['1281x720', '1920x1080', '1280x721', '961x960', '15x480', '640x15', 'hd', '1280*720', '']) {
      await expect(create({ roomSid, videoLayout: grid, resolution })).rejects.toEqual(twilioError(400, 400, /^Resolution .* is invalid/));
    }
    for (const resolution of ['1280x720', '720x1280', '960x960', '16x16', '1024x576']) {
      await expect(create({ roomSid, videoLayout: grid, resolution })).resolves.toMatchObject({ resolution });
    }
    expect((await create({ roomSid, videoLayout: grid })).resolution).toBe('640x480'); // the documented default
  });

  it('AudioSources or VideoLayout, and a layout whose regions each name their video_sources', async () => {
    const { roomSid } = recordedRoom();
    await expect(create({ roomSid })).rejects.toEqual(twilioError(400, 400, /Either VideoLayout or AudioSources/));
    await expect(create({ roomSid, videoLayout: {} })).rejects.toEqual(twilioError(400, 400, /at least one region/));
    await expect(create({ roomSid, videoLayout: 'grid' })).rejects.toEqual(twilioError(400, 400, /JSON object/));
    await expect(create({ roomSid, videoLayout: { main: { z_pos: 1 } } })).rejects.toEqual(twilioError(400, 400, /non-empty video_sources/));
    await expect(create({ roomSid, videoLayout: { main: { video_sources: [] } } })).rejects.toEqual(twilioError(400, 400, /non-empty video_sources/));
    await expect(create({ roomSid, videoLayout: { main: { video_sources: ['*'], opacity: 0.5 } } })).rejects.toEqual(twilioError(400, 400, /unknown properties: opacity/));
    await expect(create({ roomSid, videoLayout: { main: { video_sources: ['*'], z_pos: 100 } } })).rejects.toEqual(twilioError(400, 400, /z_pos/));
    await expect(create({ roomSid, videoLayout: { main: { video_sources: ['*'], width: -5 } } })).rejects.toEqual(twilioError(400, 400, /width/));
    await expect(create({ roomSid, videoLayout: { main: { video_sources: ['*'], reuse: 'always' } } })).rejects.toEqual(twilioError(400, 400, /reuse/));
    expect(fake.state.compositions.size).toBe(0);
  });

  it('StatusCallbackMethod and Trim', async () => {
    const { roomSid } = recordedRoom();
    await expect(create({ roomSid, audioSources: ['*'], statusCallbackMethod: 'PUT' })).rejects.toEqual(twilioError(400, 400, /StatusCallbackMethod/));
    await expect(create({ roomSid, audioSources: ['*'], trim: 'yes' as unknown as boolean })).rejects.toEqual(twilioError(400, 400, /Trim/));
    await expect(create({ roomSid, audioSources: ['*'] })).resolves.toMatchObject({ trim: true, statusCallbackMethod: 'POST' }); // the documented defaults
    await expect(create({ roomSid, audioSources: ['*'], trim: false, statusCallbackMethod: 'GET' })).resolves.toMatchObject({ trim: false, statusCallbackMethod: 'GET' });
  });

  it('RoomSid: an existing group room (53106 for an unknown one)', async () => {
    await expect(create({ roomSid: `RM${'0'.repeat(32)}`, audioSources: ['*'] })).rejects.toEqual(twilioError(400, 53106, /not found/));
    const go = await fake.client().video.v1.rooms.create({ uniqueName: 'go-room', type: 'go' });
    await expect(create({ roomSid: go.sid, audioSources: ['*'] })).rejects.toEqual(twilioError(400, 400, /only group rooms are composed/));
  });

  it("sources that can never match: another room's participant, or nothing a completed room recorded", async () => {
    const { roomSid } = recordedRoom();
    const other = fake.seedRoom({ uniqueName: 'esc-other' });
    const stranger = String(fake.seedParticipant(other.sid, 'customer:x').sid);
    await expect(create({ roomSid, audioSources: [stranger] })).rejects.toEqual(twilioError(400, 400, /not in room/));
    await expect(create({ roomSid, audioSources: ['*'], audioSourcesExcluded: [stranger] })).rejects.toEqual(twilioError(400, 400, /not in room/));
    await expect(create({ roomSid, audioSources: ['speaker*'] })).rejects.toEqual(twilioError(400, 400, /select no recording/));
    await expect(create({ roomSid, audioSources: ['Microphone*'] })).rejects.toEqual(twilioError(400, 400, /select no recording/)); // case-sensitive
  });

  it("answers with Twilio's error body: { code, message, more_info, status }", async () => {
    const { roomSid } = recordedRoom();
    const res = await fetch(`${fake.baseUrl}/video/v1/Compositions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('SK1:secret').toString('base64')}` },
      body: new URLSearchParams({ RoomSid: roomSid, AudioSources: '*', Format: 'mov' }).toString(),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'more_info', 'status']);
    expect(body).toMatchObject({ code: 400, status: 400, more_info: 'https://www.twilio.com/docs/errors/400' });
  });
});

describe('sources: track names with the * wildcard, and participant SIDs', () => {
  it('one name shared by every participant selects them all; a participant SID selects one speaker', async () => {
    const { roomSid, sid, tracks } = recordedRoom('shared');
    const byName = await create({ roomSid, audioSources: ['microphone'] });
    expect(compositionSources(fake.state, byName.sid).participants.sort()).toEqual(Object.values(sid).sort()); // what went wrong before #18
    for (const who of ['agent', 'customer', 'supervisor'] as const) {
      const one = await create({ roomSid, audioSources: [sid[who]] });
      expect(compositionSources(fake.state, one.sid)).toEqual({ audio: [tracks[`${who}.mic`]], video: [], participants: [sid[who]] });
    }
  });

  it('`*` matches zero or more characters; AudioSourcesExcluded takes names and participant SIDs', async () => {
    const { roomSid, sid, tracks } = recordedRoom();
    const audioOf = async (o: Partial<CompositionListInstanceCreateOptions>) => compositionSources(fake.state, (await create({ roomSid, ...o })).sid).audio.sort();
    const mics = [tracks['agent.mic'], tracks['customer.mic'], tracks['supervisor.mic']].sort();
    expect(await audioOf({ audioSources: ['*'] })).toEqual(mics);
    expect(await audioOf({ audioSources: ['microphone*'] })).toEqual(mics);
    expect(await audioOf({ audioSources: ['microphone-agent*'] })).toEqual([tracks['agent.mic']]); // zero characters
    expect(await audioOf({ audioSources: ['*-cust*'] })).toEqual([tracks['customer.mic']]);
    expect(await audioOf({ audioSources: ['*'], audioSourcesExcluded: ['microphone-s*'] })).toEqual([tracks['agent.mic'], tracks['customer.mic']].sort());
    expect(await audioOf({ audioSources: ['*'], audioSourcesExcluded: [sid.customer] })).toEqual([tracks['agent.mic'], tracks['supervisor.mic']].sort());
    // AudioSources select audio tracks only: camera names select nothing, which a completed room refuses.
    await expect(audioOf({ audioSources: ['camera*'] })).rejects.toEqual(twilioError(400, 400, /select no recording/));
  });

  it('VideoLayout regions select video by track name (with exclusions), never audio, and not by participant SID', async () => {
    const { roomSid, sid, tracks } = recordedRoom();
    const c = await create({ roomSid, videoLayout: { main: { video_sources: ['camera*'], video_sources_excluded: ['camera-cust*'] } } });
    expect(compositionSources(fake.state, c.sid)).toEqual({ audio: [], video: [tracks['agent.cam']], participants: [sid.agent] });
    const bySid = await create({ roomSid, audioSources: ['microphone-agent'], videoLayout: { main: { video_sources: [sid.customer] } } });
    expect(compositionSources(fake.state, bySid.sid).video).toEqual([]);
  });
});

/** ffprobe's view of a file: container and streams. */
function probe(bytes: Buffer): { format: string; duration: number; streams: { codec_type: string; codec_name: string; width?: number; height?: number }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'fidelity-probe-'));
  try {
    const file = join(dir, 'media');
    writeFileSync(file, bytes);
    const r = spawnSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { format: { format_name: string; duration: string }; streams: never[] };
    return { format: out.format.format_name, duration: Number(out.format.duration), streams: out.streams };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function download(sid: string): Promise<Buffer> {
  const media = await fake.client().request({ method: 'get', uri: `https://video.twilio.com/v1/Compositions/${sid}/Media?Ttl=600` });
  expect(media.statusCode).toBe(302);
  const res = await fetch(String(media.body.redirect_to));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('/Media serves a real file of the composition', () => {
  it('a speaker: an audio-only mp4 (AAC) of the composition duration; a grid: webm with VP8 video at its resolution and Opus audio', async () => {
    const { roomSid, sid } = recordedRoom();
    const speaker = await create({ roomSid, audioSources: [sid.customer] });
    const grid = await create({ roomSid, format: 'webm', audioSources: ['*'], videoLayout: { grid: { video_sources: ['*'] } }, resolution: '1280x720' });
    fake.completeComposition(speaker.sid, { duration: 95 });
    fake.completeComposition(grid.sid, { duration: 12 });

    const audio = probe(await download(speaker.sid));
    expect(audio.format).toContain('mp4');
    expect(audio.streams.map((s) => [s.codec_type, s.codec_name])).toEqual([['audio', 'aac']]);
    expect(Math.abs(audio.duration - 95)).toBeLessThan(1.5);
    expect(fake.state.compositions.get(speaker.sid)).toMatchObject({ status: 'completed', duration: 95, size: fake.state.compositionMedia.get(speaker.sid)!.length });

    const video = probe(await download(grid.sid));
    expect(video.format).toContain('webm');
    expect(video.streams.map((s) => [s.codec_type, s.codec_name, s.width, s.height])).toEqual([
      ['video', 'vp8', 1280, 720],
      ['audio', 'opus', undefined, undefined],
    ]);
    expect(Math.abs(video.duration - 12)).toBeLessThan(1.5);
  });

  it('is composed only once its room completed, and not from recordings whose media is gone (53628)', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-live', recordParticipantsOnConnect: true });
    const p = String(fake.seedParticipant(room.sid, 'agent:alex').sid);
    const mic = fake.seedRecording(room.sid, { participantSid: p, trackName: 'microphone-a', type: 'audio' });
    // Accepted while the room is in progress (Twilio starts the job when the room completes)...
    const c = await create({ roomSid: String(room.sid), audioSources: [p] });
    expect(() => fake.completeComposition(c.sid)).toThrow(/only once room .* has completed/);
    await expect(fake.client().request({ method: 'get', uri: `https://video.twilio.com/v1/Compositions/${c.sid}/Media` })).resolves.toMatchObject({ statusCode: 404 });
    // ...and its recordings deleted before it ran: Twilio fails the job.
    fake.completeRoom(String(room.sid));
    mic.status = 'deleted';
    expect(() => fake.completeComposition(c.sid)).toThrow(/53628/);
    expect(compositionSources(fake.state, c.sid)).toEqual({ audio: [], video: [], participants: [] });
  });
});
