/**
 * Finishing on Twilio (#22), through the real Functions (twilio-run), the media worker as its own
 * process, PostgreSQL and the strict fake Twilio: a customer's clip with one blur rectangle, whose
 * transcript reads a card number aloud. Twilio composes; nobody can play the unfinished video; the
 * worker downloads the composition, burns the blur in and silences the number, publishes the
 * finished mp4, deletes the original composition, and only then is the video playable, from the
 * worker. Retention later deletes the finished file at the worker too.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIP_RECORDING_NOTICE } from '../../src/domain/consent';
import { trackNamesFor } from '../../src/client/twilio/track-source';
import { openPostgresStore } from '../../src/adapters/sql/database';
import { SqlMediaWork } from '../../src/adapters/sql/sql-media-work';
import { TwilioRecordingMedia } from '../../src/adapters/twilio/twilio-recording-media';
import type { RecordedRequest, Resource } from '../support/fake-twilio';
import { audioLevelDb, makeTestVideo, regionSharpness } from '../support/media-measure';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';
import { workerTranscripts } from './support/worker-transcripts';

jest.setTimeout(180_000);

let stack: TwilioStack;
const scratch = mkdtempSync(join(tmpdir(), 've-clip-finishing-'));
beforeAll(async () => {
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const AGENT = 'flex-finishing-agent-token';
const VIDEO = 'video.twilio.com';
const BLUR = { x: 0.1, y: 0.15, width: 0.35, height: 0.45 };
const OUTSIDE = { x: 0.6, y: 0.5, width: 0.3, height: 0.4 };

const line = (r: RecordedRequest) => `${r.method} ${r.host}${r.path}`;
const linkTokenOf = (url: string) => new URL(url).hash.replace(/^#t=/, '');
const attributesOf = (m: Resource) => JSON.parse(String(m.attributes)) as Record<string, any>;

async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A customer's clip recorded and sent with one blur rectangle: its room and its two compositions. */
async function sentClipWithBlur() {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const conversationSid = String(fake.seedConversation({ friendlyName: 'Chat with Casey' }).sid);
  const offered = await stack.post('offer-clip', { Token: AGENT, conversationId: conversationSid });
  expect(offered.status).toBe(200);
  const linkToken = linkTokenOf(offered.body.url);
  const clip = (action: string, more: Record<string, unknown> = {}) => stack.post('clip', { linkToken, action, ...more });
  const take = await clip('start', { mode: 'screen+camera', consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version });
  expect(take.status).toBe(200);
  const roomSid = String(take.body.access.roomSid);
  const roomName = String(take.body.access.roomName);
  const identity = String(take.body.access.identity);
  const participant = fake.seedParticipant(roomSid, identity);
  const names = trackNamesFor('casey01');
  for (const [trackName, type] of [[names.microphone, 'audio'], [names.camera, 'video'], [names.screen, 'video']] as const) {
    fake.seedRecording(roomSid, { participantSid: String(participant.sid), trackName, type });
  }
  expect((await clip('stop')).status).toBe(200);
  fake.clearRequests();
  const sent = await clip('send', { annotations: [{ kind: 'blur', ...BLUR, startSeconds: 1, endSeconds: 7 }] });
  expect(sent.status).toBe(200);
  const created = fake.requests.filter((r) => r.method === 'POST' && r.host === VIDEO).map(line);
  expect(created).toEqual([`POST ${VIDEO}/v1/Compositions`, `POST ${VIDEO}/v1/Compositions`]);
  const [videoSid, speechSid] = [...fake.state.compositions.values()].filter((c) => c.room_sid === roomSid).map((c) => String(c.sid));
  return { conversationSid, roomSid, roomName, videoSid, speechSid };
}

async function recordingIdOf(roomName: string): Promise<string> {
  const store = await openPostgresStore(stack.databaseUrl, { max: 1 });
  try {
    return String((await store.pipeline.get(roomName))?.recordingId);
  } finally {
    await store.close();
  }
}

describe('BACKEND=twilio: the media worker finishes a clip (blur, muted card number) and replaces the composition', () => {
  it('applies blur and muting to the Twilio composition, deletes the original, and serves only the finished video', async () => {
    const { fake } = stack;
    const worker = stack.worker!;
    const { conversationSid, roomSid, roomName, videoSid, speechSid } = await sentClipWithBlur();
    const clipMessage = () => (fake.state.messages.get(conversationSid) ?? []).find((m) => attributesOf(m).type === 'video-recording') as Resource;
    const available = (sid: string, duration: number, media?: Buffer) => {
      fake.completeComposition(sid, { duration, ...(media ? { media } : {}) });
      return stack.webhook(`composition-status?roomName=${roomName}`, { StatusCallbackEvent: 'composition-available', CompositionSid: sid, RoomSid: roomSid, Duration: String(duration) });
    };

    // Twilio composes: the speaker's audio goes to Voice Intelligence; the video is real, with detail and a tone.
    const source = join(scratch, 'composition.mp4');
    await makeTestVideo(source, 8);
    const before = new Set(fake.state.transcripts.keys());
    expect((await available(speechSid, 8)).status).toBe(200);
    const [transcript] = await workerTranscripts(fake, 1, before);
    expect((await available(videoSid, 8, readFileSync(source))).status).toBe(200);

    // Composed, not finished: nobody gets a URL, not even the agent; the message still says processing.
    const recordingId = await recordingIdOf(roomName);
    const media = () => stack.post('recording-media', { recordingId, file: 'video.mp4', Token: AGENT });
    const early = await media();
    expect(early.status).toBe(404);
    expect(early.body.error?.code ?? early.body.code ?? JSON.stringify(early.body)).toMatch(/video_not_ready/);
    expect(attributesOf(clipMessage())).toMatchObject({ videoStatus: 'processing' });
    expect(attributesOf(clipMessage()).mediaUrl).toBeUndefined();
    expect(fake.requests.filter((r) => r.path.startsWith(`/v1/Compositions/${videoSid}/Media`))).toEqual([]);

    // The transcript reads a card number aloud (word timings, as Voice Intelligence gives them).
    fake.clearRequests();
    const words = [
      ['My', 1.0, 1.3], ['card', 1.3, 1.6], ['is', 1.6, 2.0],
      ['4111', 3.0, 3.5], ['1111', 3.5, 4.0], ['1111', 4.0, 4.5], ['1111', 4.5, 5.0],
      ['thanks.', 5.6, 6.0],
    ].map(([word, startTime, endTime]) => ({ word: String(word), startTime: Number(startTime), endTime: Number(endTime) }));
    fake.completeTranscript(String(transcript.sid), [{ transcript: 'My card is 4111 1111 1111 1111 thanks.', startTime: 1.0, endTime: 6.0, words }]);
    const reported = await stack.jsonWebhook('transcript-status', {
      account_sid: fake.accountSid, transcript_sid: transcript.sid, customer_key: transcript.customer_key, event_type: 'voice_intelligence_transcript_available',
    });
    expect(reported.status).toBe(200);

    // The worker finishes: the message turns ready only once the original composition is gone.
    await until('the finished video', () => attributesOf(clipMessage()).videoStatus === 'ready');
    expect(fake.state.compositions.has(videoSid)).toBe(false);
    const videoCalls = fake.requests.filter((r) => r.host === VIDEO && r.path.includes(videoSid));
    expect(videoCalls.map((r) => [line(r), r.status])).toEqual([
      [`GET ${VIDEO}/v1/Compositions/${videoSid}/Media`, 302],
      [`DELETE ${VIDEO}/v1/Compositions/${videoSid}`, 204],
    ]);
    expect(videoCalls.every((r) => r.auth.present)).toBe(true);
    // Nothing composed again; the speaker's audio composition is not touched.
    expect(fake.requests.filter((r) => r.host === VIDEO && r.method === 'POST')).toEqual([]);
    expect(fake.state.compositions.has(speechSid)).toBe(true);
    const finished = attributesOf(clipMessage());
    expect(finished).toMatchObject({ videoStatus: 'ready', transcriptStatus: 'ready', durationSeconds: 8 });
    expect(String(clipMessage().body)).toContain('[card number]');
    expect(String(clipMessage().body)).not.toMatch(/4111/);

    // The viewer's URL is the worker's published file, signed and short-lived; it is not single-use.
    const played = await media();
    expect(played.status).toBe(200);
    const finishId = `FN-1-${recordingId}`;
    expect(played.body.url).toMatch(new RegExp(`^${worker.url}/videos/${finishId}\\.mp4\\?expires=\\d+&sig=[\\w-]+$`));
    const output = join(scratch, 'finished.mp4');
    for (let fetchNo = 0; fetchNo < 2; fetchNo++) {
      const res = await fetch(played.body.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('video/mp4');
      writeFileSync(output, Buffer.from(await res.arrayBuffer()));
    }
    const ranged = await fetch(played.body.url, { headers: { Range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const tampered = new URL(played.body.url);
    tampered.searchParams.set('sig', 'A'.repeat(43));
    expect((await fetch(tampered)).status).toBe(404);

    // Measured: the rectangle is blurred during its seconds and sharp outside it; the number is silent.
    const blurredIn = await regionSharpness(output, 4, BLUR);
    const sourceIn = await regionSharpness(source, 4, BLUR);
    const keptOut = await regionSharpness(output, 4, OUTSIDE);
    const sourceOut = await regionSharpness(source, 4, OUTSIDE);
    process.stdout.write(`figure: blur sharpness in ${blurredIn.toFixed(2)} (source ${sourceIn.toFixed(2)}), out ${keptOut.toFixed(2)} (source ${sourceOut.toFixed(2)})\n`);
    expect(blurredIn).toBeLessThan(sourceIn * 0.35);
    expect(keptOut).toBeGreaterThan(sourceOut * 0.6);
    expect(await regionSharpness(output, 0.2, BLUR)).toBeGreaterThan(sourceIn * 0.6); // before its start time
    const muted = await audioLevelDb(output, 3.1, 4.9);
    const beforeSpan = await audioLevelDb(output, 0.5, 2.5);
    const afterSpan = await audioLevelDb(output, 5.5, 7.5);
    process.stdout.write(`figure: muted span ${muted} dB, neighbours ${beforeSpan} / ${afterSpan} dB\n`);
    expect(muted).toBeLessThan(-60);
    expect(beforeSpan).toBeGreaterThan(-40);
    expect(afterSpan).toBeGreaterThan(-40);

    // One finished file at the worker; its row done and kept (not a single-use FLAC).
    const videosDir = join(worker.mediaDir, 'videos');
    expect(readdirSync(videosDir)).toEqual([`${finishId}.mp4`]);
    const store = await openPostgresStore(stack.databaseUrl, { max: 1 });
    try {
      const work = new SqlMediaWork(store.db);
      expect(await work.get(finishId)).toMatchObject({ state: 'done', roomName, compositionId: videoSid, mediaRef: `${worker.url}/videos/${finishId}.mp4` });

      // Retention deletes the recording's media on Twilio, and the finished file at the worker.
      const job = await store.pipeline.get(roomName);
      const retention = new TwilioRecordingMedia({
        client: fake.client(),
        deleteArtifacts: async () => 0,
        finishedVideos: { count: (j) => work.videosKept(j.roomName), discard: (j) => work.discardVideos(j.roomName, new Date().toISOString()) },
      });
      expect(await retention.countMedia(job!)).toBeGreaterThanOrEqual(2); // the finished video, the speaker's composition, the tracks
      const deleted = await retention.deleteMedia(job!);
      expect(deleted).toBeGreaterThanOrEqual(2);
      expect(await retention.countMedia(job!)).toBe(0);
      await until('the finished file deleted at the worker', () => !existsSync(join(videosDir, `${finishId}.mp4`)));
      expect((await fetch(played.body.url)).status).toBe(404);
      expect(await work.get(finishId)).toMatchObject({ state: 'discarded', mediaRef: null });
    } finally {
      await store.close();
    }
  });
});
