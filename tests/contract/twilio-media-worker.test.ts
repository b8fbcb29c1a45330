/**
 * The media worker as deployed beside the Functions: its own process on 127.0.0.1, on the same
 * PostgreSQL, against the strict fake Twilio (Voice Intelligence fetches its FLAC once and
 * refuses anything but WAV, MP3 or FLAC). Stateless: a copy killed mid-transcode loses nothing,
 * copies share the queue, and what Voice Intelligence never reports the worker finds itself.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RECORDING_NOTICE } from '../../src/domain/consent';
import type { Resource } from '../support/fake-twilio';
import { startFakeS3 } from '../support/fake-s3';
import type { MediaWorkerProcess } from './support/media-worker-process';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';
import { viMediaRejected, workerTranscripts } from './support/worker-transcripts';

jest.setTimeout(180_000);

let stack: TwilioStack;
const scripts = mkdtempSync(join(tmpdir(), 've-worker-test-'));
beforeAll(async () => {
  stack = await startTwilioStack({ worker: false });
});
afterAll(async () => {
  await stack?.close();
});
// A test that fails half-way must not leave its copies working on the next test's rows.
const copies: MediaWorkerProcess[] = [];
const startWorker = async (env?: Record<string, string>) => {
  const w = await stack.startWorker(env);
  copies.push(w);
  return w;
};
afterEach(async () => {
  await Promise.all(copies.splice(0).map((w) => w.kill()));
});

const AGENT = 'flex-worker-agent-token';

/** An ffmpeg that says when it starts, then runs the real one, slowed: `-re` reads its input at its own pace. */
function slowFfmpeg(name: string, extra: string): { path: string; marker: string } {
  const path = join(scripts, `${name}.sh`);
  const marker = join(scripts, `${name}.started`);
  writeFileSync(path, `#!/bin/sh\necho "$$" >> '${marker}'\n${extra}\nexec ffmpeg -re "$@"\n`);
  chmodSync(path, 0o755);
  return { path, marker };
}

async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function rows(): Promise<{ id: string; state: string; attempts: number; composition_id: string; transcript_sid: string | null }[]> {
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    return (await db.query('SELECT id, state, attempts, composition_id, transcript_sid FROM ve_media_work ORDER BY created_at')).rows;
  } finally {
    await db.end();
  }
}

/** A call of `people` (agent first), ended, its compositions done: each speaker's row waits for a worker. */
async function endedCall(people: string[], seconds: number) {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  const conversationSid = String(fake.seedConversation({ friendlyName: 'Chat with Casey' }).sid);
  const escalated = await stack.post('escalate', { Token: AGENT, conversationId: conversationSid });
  expect(escalated.status).toBe(200);
  const roomName = String(escalated.body.roomName);
  const linkToken = new URL(escalated.body.customerLink).hash.replace(/^#t=/, '');
  const joined = await stack.post('customer-token', { linkToken, action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
  expect(joined.status).toBe(200);
  const customer = String(joined.body.access.identity);
  const roomSid = String(([...fake.state.rooms.values()].find((r) => r.unique_name === roomName) as Resource).sid);
  const identities = people.map((p) => (p === 'customer' ? customer : p));
  identities.forEach((identity, i) => {
    const p = fake.seedParticipant(roomSid, identity);
    fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `mic-${i}`, type: 'audio' });
    fake.seedRecording(roomSid, { participantSid: String(p.sid), trackName: `cam-${i}`, type: 'video' });
  });
  fake.completeRoom(roomSid);
  expect((await stack.webhook('room-status', { StatusCallbackEvent: 'room-ended', RoomSid: roomSid, RoomName: roomName, RoomStatus: 'completed' })).status).toBe(200);
  const [grid, ...audio] = [...fake.state.compositions.values()].filter((c) => c.room_sid === roomSid).map((c) => String(c.sid));
  const available = async (sid: string) => {
    fake.completeComposition(sid, { duration: seconds });
    const res = await stack.webhook(`composition-status?roomName=${roomName}`, { StatusCallbackEvent: 'composition-available', CompositionSid: sid, RoomSid: roomSid, Duration: String(seconds) });
    expect(res.status).toBe(200);
  };
  const before = new Set(fake.state.transcripts.keys());
  for (const sid of audio) await available(sid);
  const recordingMessages = () => (fake.state.messages.get(conversationSid) ?? []).filter((m) => JSON.parse(String(m.attributes)).type === 'video-recording');
  return { conversationSid, roomName, audio, before, identities, gridReady: () => available(grid), recordingMessages };
}

describe('the media worker', () => {
  it('killed mid-transcode, loses nothing: a new copy takes the row over and the recording completes exactly once', async () => {
    const { fake } = stack;
    const slow = slowFfmpeg('killed', '');
    const call = await endedCall(['agent:alex', 'customer'], 30);
    const first = await startWorker({ WORKER_FFMPEG: slow.path, WORKER_LEASE_MS: '2000' });

    // ffmpeg is at work on the first speaker's FLAC, the composition downloaded, when the worker dies.
    const ffmpegPid = Number((await until('the first transcode', () => existsSync(slow.marker) && readFileSync(slow.marker, 'utf8').trim())).split('\n')[0]);
    const commandOf = (pid: number) => (existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') : []);
    expect(commandOf(ffmpegPid)).toEqual(expect.arrayContaining(['ffmpeg', 'flac']));
    const [killedRow] = (await rows()).filter((r) => r.state === 'working');
    expect(killedRow).toMatchObject({ attempts: 1, transcript_sid: null, composition_id: call.audio[0] });
    expect(statSync(join(first.mediaDir, 'scratch', killedRow.id, 'composition')).size).toBeGreaterThan(0);
    await first.kill();
    await until('ffmpeg gone with its worker', () => commandOf(ffmpegPid).length === 0);
    expect(fake.state.transcripts.size).toBe(call.before.size); // it never reached Voice Intelligence

    // A new copy (real ffmpeg) takes the waiting row at once, and the killed one when its lease lapses.
    const second = await startWorker();
    const [agentT, customerT] = await workerTranscripts(fake, 2, call.before);
    const done = await rows();
    expect(done.map((r) => [r.composition_id, r.state, r.attempts])).toEqual([
      [call.audio[0], 'submitted', 2],
      [call.audio[1], 'submitted', 1],
    ]);
    const ours = new Set([agentT, customerT].map((t) => String(t.sid)));
    expect(fake.mediaFetches().filter((f) => ours.has(f.transcriptSid)).map((f) => [f.status, f.audio?.format])).toEqual([
      [200, 'flac'],
      [200, 'flac'],
    ]);
    process.stdout.write(`figure: vi_media_rejected ${viMediaRejected(fake).length}\n`);
    expect(viMediaRejected(fake)).toEqual([]);
    // Exactly one transcript per speaker was asked of Voice Intelligence, each file fetched once.
    const keys = new Set([agentT, customerT].map((t) => String(t.customer_key)));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v2/Transcripts' && keys.has(String(r.form.CustomerKey)))).toHaveLength(2);
    const ids = [agentT, customerT].map((t) => JSON.parse(JSON.stringify(t.channel)).participants[0].user_id);
    expect(ids.sort()).toEqual([...call.identities].sort());

    // Voice Intelligence finishes; its webhooks drive the rest, as ever.
    const byIdentity = (t: Resource) => JSON.parse(JSON.stringify(t.channel)).participants[0].user_id as string;
    for (const t of [agentT, customerT]) {
      const agent = byIdentity(t) === 'agent:alex';
      fake.completeTranscript(String(t.sid), [{ transcript: agent ? 'Hello, how can I help?' : 'My router keeps dropping.', startTime: agent ? 0.5 : 3.5, endTime: agent ? 2 : 5 }]);
    }
    for (const t of [agentT, customerT]) expect((await stack.jsonWebhook('transcript-status', fake.transcriptWebhook(String(t.sid)))).status).toBe(200);
    await call.gridReady();
    const messages = call.recordingMessages();
    expect(messages).toHaveLength(1);
    expect(String(messages[0].body)).toContain('Video call recording · 0:30');
    const transcript = await stack.post('recording-media', { recordingId: JSON.parse(String(messages[0].attributes)).recordingId, file: 'transcript.json', Token: AGENT });
    expect(transcript.status).toBe(200);
    expect((JSON.parse(transcript.body.content).segments as { speaker: string; text: string }[]).map((s) => [s.speaker, s.text])).toEqual([
      ['Agent', 'Hello, how can I help?'],
      ['Customer', 'My router keeps dropping.'],
    ]);
    expect((await rows()).map((r) => r.state)).toEqual(['done', 'done']);
    const health = await second.health();
    expect(health).toEqual({ status: 200, body: expect.objectContaining({ ok: true, queueDepth: 0, working: 0, oldestWaitingSeconds: 0, stalled: false }) });
    await second.stop();
  });

  it('runs as several copies on one queue: each speaker made once, by whichever copy claimed it', async () => {
    const { fake } = stack;
    const a = await startWorker({ WORKER_FFMPEG: slowFfmpeg('copy-a', 'sleep 0.5').path });
    const b = await startWorker({ WORKER_FFMPEG: slowFfmpeg('copy-b', 'sleep 0.5').path });
    const call = await endedCall(['agent:alex', 'customer', 'supervisor:sue'], 2);
    const made = await workerTranscripts(fake, 3, call.before);
    const urls = made.map((t) => String(JSON.parse(JSON.stringify(t.channel)).media_properties.media_url));
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set([a.url, b.url]));
    // Two copies work side by side, so the three transcripts come in whichever order they finish.
    const labelled = made.map((t) => JSON.parse(JSON.stringify(t.channel)).participants[0]).map((p: { user_id: string; role: string }) => [p.user_id, p.role]);
    expect(labelled).toEqual(
      expect.arrayContaining([
        ['agent:alex', 'Agent'],
        [call.identities[1], 'Customer'],
        ['supervisor:sue', 'Supervisor'],
      ]),
    );
    expect(labelled).toHaveLength(3);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v2/Transcripts' && made.some((t) => t.customer_key === r.form.CustomerKey))).toHaveLength(3);
    expect(viMediaRejected(fake)).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('follows up on what Voice Intelligence never reports: a lost webhook is replayed, a failed transcript asked for again', async () => {
    const { fake } = stack;
    const worker = await startWorker({ WORKER_FOLLOW_UP_SECONDS: '1', TRANSCRIBE_BACKOFF_MS: '100' });
    const call = await endedCall(['agent:alex', 'customer'], 6);
    const [agentT, customerT] = await workerTranscripts(fake, 2, call.before);
    await call.gridReady();
    // The agent's transcript completes but its webhook is lost; the customer's fails (no webhook for that).
    fake.completeTranscript(String(agentT.sid), [{ transcript: 'Hello, how can I help?', startTime: 0.5, endTime: 2 }]);
    fake.failTranscript(String(customerT.sid));
    // The worker notices both: the agent's is read and saved, the customer's is requested again (a new FLAC).
    const [retried] = await workerTranscripts(fake, 1, new Set([...call.before, String(agentT.sid), String(customerT.sid)]));
    expect(JSON.parse(JSON.stringify(retried.channel)).participants[0].user_id).toBe(call.identities[1]);
    await until('the agent transcript saved', () => !fake.state.transcripts.has(String(agentT.sid)));
    fake.completeTranscript(String(retried.sid), [{ transcript: 'My router keeps dropping.', startTime: 3.5, endTime: 5 }]);
    const messages = await until('the recording message with both speakers', () => {
      const m = call.recordingMessages();
      return m.length === 1 && JSON.parse(String(m[0].attributes)).transcriptStatus === 'ready' ? m : null;
    });
    expect(messages).toHaveLength(1);
    const recordingId = JSON.parse(String(messages[0].attributes)).recordingId;
    const transcript = await stack.post('recording-media', { recordingId, file: 'transcript.json', Token: AGENT });
    expect((JSON.parse(transcript.body.content).segments as { speaker: string }[]).map((s) => s.speaker)).toEqual(['Agent', 'Customer']);
    // Every Voice Intelligence copy is gone: the read ones deleted, the failed one too.
    await until('every Voice Intelligence copy deleted', () => [agentT, customerT, retried].every((t) => !fake.state.transcripts.has(String(t.sid))));
    await worker.stop();
  });

  it('with a bucket: Voice Intelligence fetches a presigned URL from it, and the file goes once the transcript is done', async () => {
    const { fake } = stack;
    const credentials = { accessKeyId: 'AKIDCONTRACTWORKER', secretAccessKey: 'contract-worker-bucket-secret' };
    const s3 = await startFakeS3({ bucket: 'support-media', ...credentials });
    try {
      await startWorker({
        WORKER_S3_BUCKET: 'support-media',
        WORKER_S3_ENDPOINT: s3.endpoint,
        WORKER_S3_FORCE_PATH_STYLE: 'true',
        WORKER_S3_REGION: 'eu-central-1',
        WORKER_S3_ACCESS_KEY_ID: credentials.accessKeyId,
        WORKER_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      });
      const call = await endedCall(['agent:alex', 'customer'], 3);
      const made = await workerTranscripts(fake, 2, call.before);
      const urls = made.map((t) => new URL(String(JSON.parse(JSON.stringify(t.channel)).media_properties.media_url)));
      expect(urls.map((u) => `${u.origin}${u.pathname.replace(/MW[0-9a-f]{32}/, 'MW…')}`)).toEqual([
        `${s3.endpoint}/support-media/media-worker/MW….flac`,
        `${s3.endpoint}/support-media/media-worker/MW….flac`,
      ]);
      // Each presigned GET verified as S3 would (SigV4), fetched once, and was FLAC.
      expect(s3.gets.map((g) => g.status)).toEqual([200, 200]);
      const ours = new Set(made.map((t) => String(t.sid)));
      expect(fake.mediaFetches().filter((f) => ours.has(f.transcriptSid)).map((f) => f.audio?.format)).toEqual(['flac', 'flac']);
      expect(s3.objects.size).toBe(2);
      for (const t of made) fake.completeTranscript(String(t.sid), [{ transcript: 'Hello.', startTime: 0.2, endTime: 1 }]);
      for (const t of made) expect((await stack.jsonWebhook('transcript-status', fake.transcriptWebhook(String(t.sid)))).status).toBe(200);
      await call.gridReady();
      expect(call.recordingMessages()).toHaveLength(1);
      await until('the bucket emptied', () => s3.objects.size === 0);
    } finally {
      await s3.close();
    }
  });
});
