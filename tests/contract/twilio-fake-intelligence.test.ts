/**
 * The fake's Voice Intelligence refuses what Twilio documents that it refuses (FIDELITY.md, "Voice
 * Intelligence"): it fetches `media_url` once, follows no redirect, fails the transcript on any
 * answer but 200 and on anything but WAV, MP3 or FLAC (95104), reads dual-channel media with its
 * channel participants, and sends its webhook only for a completed transcript. Through the real
 * `twilio` client, against real files made with ffmpeg and served from 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';

jest.setTimeout(60_000);

const SERVICE = `GA${'0'.repeat(32)}`;
let fake: FakeTwilio;
let media: Server;
let mediaUrl: string;
const hits = new Map<string, number>();
const files = new Map<string, { type: string; bytes: Buffer }>();
let dir: string;

/** Three seconds of tone, in one container; `stereo`: a different tone on each channel. */
function make(name: string, args: string[], type: string, stereo = false): void {
  const out = join(dir, name);
  const source = stereo
    ? ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-f', 'lavfi', '-i', 'sine=frequency=660:duration=3', '-filter_complex', 'amerge=inputs=2']
    : ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'];
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...source, ...args, out]);
  files.set(name, { type, bytes: readFileSync(out) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-vi-'));
  make('mono.wav', ['-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le'], 'audio/wav');
  make('mono.mp3', ['-ac', '1', '-ar', '16000', '-c:a', 'libmp3lame'], 'audio/mpeg');
  make('mono.flac', ['-ac', '1', '-ar', '16000', '-c:a', 'flac'], 'audio/flac');
  make('dual.flac', ['-ar', '16000', '-c:a', 'flac'], 'audio/flac', true);
  make('audio.mp4', ['-ac', '1', '-c:a', 'aac'], 'video/mp4');
  make('audio.webm', ['-ac', '1', '-c:a', 'libopus'], 'video/webm');
  media = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1).split('?')[0];
    hits.set(name, (hits.get(name) ?? 0) + 1);
    if (name === 'redirect') return void res.writeHead(302, { Location: `${mediaUrl}/mono.flac` }).end();
    if (name === 'error') return void res.writeHead(500).end('try again');
    const f = files.get(name);
    if (!f) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': f.type }).end(f.bytes);
  });
  await new Promise<void>((r) => media.listen(0, '127.0.0.1', r));
  mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
  fake = await startFakeTwilio();
});
afterAll(async () => {
  await fake?.close();
  await new Promise((r) => media?.close(r));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.reset();
  hits.clear();
});

const create = (channel: Record<string, unknown>, customerKey = 'RE1/0') =>
  fake.client().intelligence.v2.transcripts.create({ serviceSid: SERVICE, channel, customerKey });
const withMedia = (name: string, participants?: unknown[]) => ({ media_properties: { media_url: `${mediaUrl}/${name}` }, ...(participants ? { participants } : {}) });
const statusOf = async (sid: string) => (await fake.client().intelligence.v2.transcripts(sid).fetch()).status;

describe('fake Voice Intelligence: the media it takes', () => {
  it.each([
    ['mono.wav', 'wav', 1],
    ['mono.mp3', 'mp3', 1],
    ['mono.flac', 'flac', 1],
    ['dual.flac', 'flac', 2],
  ])('takes %s (%s, %i channel(s)), fetched exactly once', async (name, format, channels) => {
    const transcript = await create(withMedia(name));
    expect(transcript.status).toBe('queued'); // answered at once; the fetch comes after
    const fetched = await fake.transcriptMedia(transcript.sid);
    expect(fetched).toMatchObject({ status: 200, audio: { format, channels } });
    expect(fetched.error).toBeUndefined();
    expect(await statusOf(transcript.sid)).toBe('in-progress');
    expect(hits.get(name)).toBe(1);
  });

  it.each([
    ['audio.mp4', /MP4/],
    ['audio.webm', /WebM/],
  ])('fails the transcript with 95104 for %s, which Compositions make', async (name, what) => {
    const transcript = await create(withMedia(name));
    const fetched = await fake.transcriptMedia(transcript.sid);
    expect(fetched.error).toEqual({ code: 95104, message: expect.stringMatching(what) });
    expect(await statusOf(transcript.sid)).toBe('failed');
    expect(() => fake.completeTranscript(transcript.sid, [{ transcript: 'x', startTime: 0, endTime: 1 }])).toThrow(/refused \(95104/);
    expect(hits.get(name)).toBe(1);
  });

  it('fails the transcript when media_url answers anything but 200, and never retries', async () => {
    const failing = await create(withMedia('error'));
    expect(await fake.transcriptMedia(failing.sid)).toMatchObject({ status: 500, error: { code: null } });
    expect(await statusOf(failing.sid)).toBe('failed');
    const missing = await create(withMedia('gone.flac'));
    expect(await fake.transcriptMedia(missing.sid)).toMatchObject({ status: 404 });
    expect(await statusOf(missing.sid)).toBe('failed');
    await new Promise((r) => setTimeout(r, 300));
    expect([hits.get('error'), hits.get('gone.flac')]).toEqual([1, 1]);
  });

  it('follows no redirect: a 302 to a good file is a failed fetch', async () => {
    const transcript = await create(withMedia('redirect'));
    expect(await fake.transcriptMedia(transcript.sid)).toMatchObject({ status: 302, error: { code: null } });
    expect(hits.get('mono.flac')).toBeUndefined();
  });

  it('reaches nothing off this machine: another host is an unreachable media_url', async () => {
    const transcript = await create({ media_properties: { media_url: 'https://media.example.com/a.flac' } });
    expect(await fake.transcriptMedia(transcript.sid)).toMatchObject({ status: 0, error: { code: null } });
  });
});

describe('fake Voice Intelligence: channels and participants', () => {
  it('tells dual-channel speakers apart by media_channel, with the channel participants set', async () => {
    const participants = [
      { channel_participant: 1, user_id: 'agent:alex', role: 'Agent' },
      { channel_participant: 2, user_id: 'customer:casey', role: 'Customer' },
    ];
    const transcript = await create(withMedia('dual.flac', participants));
    expect(transcript.channel).toEqual(withMedia('dual.flac', participants));
    await fake.transcriptMedia(transcript.sid);
    fake.completeTranscript(transcript.sid, [
      { transcript: 'How can I help?', startTime: 0.2, endTime: 1, mediaChannel: 1 },
      { transcript: 'My router drops.', startTime: 1.2, endTime: 2.5, mediaChannel: 2 },
    ]);
    const sentences = await fake.client().intelligence.v2.transcripts(transcript.sid).sentences.list();
    expect(sentences.map((s) => [s.mediaChannel, s.transcript])).toEqual([
      [1, 'How can I help?'],
      [2, 'My router drops.'],
    ]);
    expect((await fake.client().intelligence.v2.transcripts(transcript.sid).fetch()).duration).toBe(3);
  });

  it('refuses participants on a channel other than 1 or 2, or two on one channel (400)', async () => {
    await expect(create(withMedia('mono.flac', [{ channel_participant: 3, user_id: 'x' }]))).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(create(withMedia('dual.flac', [{ channel_participant: 1 }, { channel_participant: 1 }]))).rejects.toMatchObject({ status: 400 });
    await expect(create({ participants: [] })).rejects.toMatchObject({ status: 400 });
    expect(fake.state.transcripts.size).toBe(0);
  });

  it('fails a transcript whose participants name a channel its media does not have', async () => {
    const transcript = await create(withMedia('mono.flac', [{ channel_participant: 1 }, { channel_participant: 2 }]));
    expect((await fake.transcriptMedia(transcript.sid)).error).toEqual({ code: 95104, message: expect.stringMatching(/channel 2; the media has 1/) });
  });

  it('has no sentence on a channel the media lacks (a test that seeds one is told)', async () => {
    const transcript = await create(withMedia('mono.flac'));
    await fake.transcriptMedia(transcript.sid);
    expect(() => fake.completeTranscript(transcript.sid, [{ transcript: 'x', startTime: 0, endTime: 1, mediaChannel: 2 }])).toThrow(/channel 2/);
  });
});

describe('fake Voice Intelligence: the transcript resource and its webhook', () => {
  it('lists sentences (word timings only when asked) and sends the webhook only once completed', async () => {
    const client = fake.client();
    const channel = withMedia('mono.flac', [{ channel_participant: 1, user_id: 'agent:alex' }]);
    const transcript = await create(channel, 'RE1/0');
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      host: 'intelligence.twilio.com',
      path: '/v2/Transcripts',
      form: { ServiceSid: SERVICE, Channel: JSON.stringify(channel), CustomerKey: 'RE1/0' },
    });
    expect(() => fake.transcriptWebhook(transcript.sid)).toThrow(/no webhook/);
    await fake.transcriptMedia(transcript.sid);
    fake.completeTranscript(transcript.sid, [
      { transcript: 'Hello there.', startTime: 0.5, endTime: 1.4, words: [{ word: 'Hello', startTime: 0.5, endTime: 0.9 }, { word: 'there.', startTime: 0.9, endTime: 1.4 }] },
      { transcript: 'Can you see my screen?', startTime: 2, endTime: 2.9 },
    ]);
    expect(await statusOf(transcript.sid)).toBe('completed');
    expect(fake.transcriptWebhook(transcript.sid)).toEqual({
      account_sid: fake.accountSid,
      service_sid: SERVICE,
      transcript_sid: transcript.sid,
      customer_key: 'RE1/0',
      event_type: 'voice_intelligence_transcript_available',
    });

    const sentences = await client.intelligence.v2.transcripts(transcript.sid).sentences.list({ wordTimestamps: true, pageSize: 1 });
    expect(sentences.map((s) => [s.sentenceIndex, s.mediaChannel, s.transcript, s.startTime, s.endTime])).toEqual([
      [0, 1, 'Hello there.', 0.5, 1.4],
      [1, 1, 'Can you see my screen?', 2, 2.9],
    ]);
    expect(sentences[0].words).toEqual([{ word: 'Hello', start_time: 0.5, end_time: 0.9 }, { word: 'there.', start_time: 0.9, end_time: 1.4 }]);
    expect((await client.intelligence.v2.transcripts(transcript.sid).sentences.list())[0].words).toBeNull();
  });

  it('refuses a create without media, with a CustomerKey over 64 characters, or with a malformed ServiceSid (400)', async () => {
    await expect(create({})).rejects.toMatchObject({ status: 400 });
    await expect(create(withMedia('mono.flac'), 'k'.repeat(65))).rejects.toMatchObject({ status: 400 });
    await expect(fake.client().intelligence.v2.transcripts.create({ serviceSid: 'GA1', channel: withMedia('mono.flac') })).rejects.toMatchObject({ status: 400 });
    expect(hits.size).toBe(0);
  });

  it('deletes a transcript with its sentences: 204, then 404 for it and them', async () => {
    const client = fake.client();
    const transcript = await create(withMedia('mono.flac'));
    await fake.transcriptMedia(transcript.sid);
    fake.completeTranscript(transcript.sid, [{ transcript: 'My card is on file.', startTime: 0, endTime: 1 }]);
    fake.clearRequests();
    expect(await client.intelligence.v2.transcripts(transcript.sid).remove()).toBe(true);
    expect(fake.requests.map((r) => [r.method, r.host, r.path, r.status])).toEqual([['DELETE', 'intelligence.twilio.com', `/v2/Transcripts/${transcript.sid}`, 204]]);
    await expect(client.intelligence.v2.transcripts(transcript.sid).remove()).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(client.intelligence.v2.transcripts(transcript.sid).fetch()).rejects.toMatchObject({ status: 404 });
    await expect(client.intelligence.v2.transcripts(transcript.sid).sentences.list()).rejects.toMatchObject({ status: 404 });
  });
});
