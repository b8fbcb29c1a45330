/**
 * Encryption at rest and file modes on the real local stack (#11). A call's raw Janus recording (a
 * real `.mjr`, made by Janus's own pcap2mjr) is placed in the room Janus recorded into; the agent
 * ends the call through the Functions, whose pipeline (janus-pp-rec, ffmpeg, a command transcriber)
 * runs under twilio-run. On disk: ffprobe cannot read the stored video, every file of the recording
 * is sealed, and the whole data folder is private. Through the server: Range requests return
 * exactly the plaintext's bytes. Then the key is rotated while the stack runs: the old recording
 * still plays, and the next one is sealed with the new key.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { recordRealMjr } from '../../src/adapters/local/janus/test-support/real-mjr';
import { decodeHeader, DEFAULT_CHUNK_SIZE } from '../../src/adapters/local/crypto/sealed-format';
import type { MediaAccess } from '../../src/domain/escalation';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { countFiles, nonPrivateModes } from '../support/file-modes';
import { isSealed, readStoredMedia, readStoredText, stackMediaKeys } from '../support/read-stored-media';
import { ROOT, startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(120_000);

const C = DEFAULT_CHUNK_SIZE;
let stack: TestStack;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 've-at-rest-'));
  const engine = join(work, 'engine.js');
  writeFileSync(engine, `console.log(JSON.stringify({ segments: [{ start: 0.5, end: 2, text: 'hello from the test engine' }] }));\n`);
  stack = await startTestStack({
    TRANSCRIBER: 'command',
    TRANSCRIBER_COMMAND: JSON.stringify([process.execPath, engine, '{input}']),
    LIVE_TRANSCRIPTION: 'false',
  });
});
afterAll(async () => {
  await stack?.close();
  rmSync(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

/** A recorded call ended by its agent; resolves once the job is done and its files are sealed. */
async function recordedCall(seconds: number): Promise<{ job: PipelineJob; roomDir: string; outDir: string }> {
  const agent = await stack.signIn();
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: 'At rest' })).id;
  const res = await stack.post('/escalate', { Token: agent, conversationId });
  expect(res.status).toBe(200);
  const { escalationId, access } = res.body as { escalationId: string; access: MediaAccess };
  const roomDir = join(stack.dataDir, 'recordings', access.roomName);
  const mjr = join(roomDir, `videoroom-${access.roomSid}-user-${access.publisherIds!.camera}-${Date.now() * 1000}-audio-0.mjr`);
  await recordRealMjr(mjr, seconds);
  rmSync(`${mjr}.pcap`);
  expect(isSealed(mjr)).toBe(false); // as Janus leaves it while the call runs

  expect((await stack.post('/end-call', { Token: agent, escalationId })).status).toBe(200);
  const job = await until('the recording job to finish', async () => {
    const j = await stack.backend.pipeline.deps.store.get(access.roomName);
    return j && ['attached', 'failed', 'skipped'].includes(j.state) && j;
  });
  expect(job).toMatchObject({ state: 'attached', video: { status: 'ready' } });
  const outDir = join(stack.dataDir, 'compositions', job.recordingId);
  // Sealing runs in the Functions process right after the job's last step.
  await until('every file of the recording sealed', () => [...filesUnder(roomDir), ...filesUnder(outDir)].every(isSealed));
  return { job, roomDir, outDir };
}

const media = (recordingId: string, token: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${stack.url}/media/recordings/${recordingId}/video.mp4`, { method, headers: { Authorization: `Bearer ${token}`, ...headers } });

const ffprobe = (path: string) => spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', path], { encoding: 'utf8' });

test('media at rest is sealed and private, and plays through the server with HTTP ranges', async () => {
  const t0 = Date.now();
  // Long enough that the composed file spans several 64 KiB chunks at the speech-sized encoding.
  const { job, roomDir, outDir } = await recordedCall(30);
  const keys = stackMediaKeys(stack.dataDir);
  const stored = join(outDir, 'video.mp4');

  // Every file of the recording is sealed: raw .mjr, converted track, WAV, engine result, manifest, video, captions, transcript.
  const files = [...filesUnder(roomDir), ...filesUnder(outDir)].map((f) => relative(stack.dataDir, f));
  expect(files.some((f) => f.endsWith('.mjr'))).toBe(true);
  expect(files.some((f) => f.includes('/tracks/'))).toBe(true);
  expect(files.some((f) => f.endsWith('.wav'))).toBe(true);
  for (const name of ['video.mp4', 'captions.vtt', 'transcript.json', 'work/manifest.json']) expect(files).toContain(`compositions/${job.recordingId}/${name}`);

  // Without the key the stored video is not a video; with it, it is. ffprobe may still guess a
  // format from random bytes now and then (an MP3 sync word), so the check is that it finds no
  // video and that no stretch of the plaintext appears in the stored file.
  const plain = readStoredMedia(stored, keys);
  expect(plain.length).toBeGreaterThan(2 * C + 1000); // ranges below cross chunk boundaries
  const sealedBytes = readFileSync(stored);
  expect(ffprobe(stored).stdout).not.toMatch(/h264/);
  expect(sealedBytes.includes(plain.subarray(0, 32))).toBe(false); // the ftyp box
  expect(sealedBytes.includes(plain.subarray(C + 100, C + 132))).toBe(false);
  expect(readStoredText(join(outDir, 'captions.vtt'), keys)).toMatch(/^WEBVTT/);

  // Modes: the whole data folder is private; the key ring is private and outside it.
  expect(nonPrivateModes(stack.dataDir)).toEqual([]);
  expect(countFiles(stack.dataDir)).toBeGreaterThan(15);
  const keyFile = stack.mediaKeyFile!;
  expect(dirname(keyFile)).toBe(dirname(stack.dataDir));
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);

  // Playback: the whole file and ranges are exactly the plaintext's bytes.
  const supervisor = await stack.signIn('supervisor');
  const size = plain.length;
  const whole = await media(job.recordingId, supervisor);
  expect(whole.status).toBe(200);
  expect(whole.headers.get('content-length')).toBe(String(size));
  const download = Buffer.from(await whole.arrayBuffer());
  expect(download.equals(plain)).toBe(true);
  const downloaded = join(work, 'download.mp4');
  writeFileSync(downloaded, download);
  expect(ffprobe(downloaded)).toMatchObject({ status: 0 });
  expect(ffprobe(downloaded).stdout.split('\n').filter(Boolean).sort()).toEqual(['aac', 'h264']);

  for (const [range, start, end] of [
    ['bytes=0-99', 0, 99],
    [`bytes=${C - 100}-${C + 99}`, C - 100, C + 99],
    [`bytes=${C - 1}-${2 * C}`, C - 1, 2 * C],
    ['bytes=-500', size - 500, size - 1],
  ] as const) {
    const r = await media(job.recordingId, supervisor, { Range: range });
    expect([range, r.status, r.headers.get('content-range'), r.headers.get('content-length')]).toEqual([range, 206, `bytes ${start}-${end}/${size}`, String(end - start + 1)]);
    expect(Buffer.from(await r.arrayBuffer()).equals(plain.subarray(start, end + 1))).toBe(true);
  }
  const past = await media(job.recordingId, supervisor, { Range: `bytes=${size}-` });
  expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${size}`]);
  const head = await media(job.recordingId, supervisor, { Range: 'bytes=10-19' }, 'HEAD');
  expect([head.status, head.headers.get('content-length')]).toEqual([206, '10']);
  const captions = await fetch(`${stack.url}/media/recordings/${job.recordingId}/captions.vtt`, { headers: { Authorization: `Bearer ${supervisor}` } });
  expect(await captions.text()).toBe(readStoredText(join(outDir, 'captions.vtt'), keys));
  console.log(`figure: encryption_at_rest_call_s ${((Date.now() - t0) / 1000).toFixed(1)}`);
});

test('key rotation while the stack runs: the old recording still plays, the next one is sealed with the new key', async () => {
  const before = await recordedCall(3);
  const oldKey = headerKeyId(join(before.outDir, 'video.mp4'));

  const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/media-key.ts', 'rotate'], {
    cwd: ROOT,
    env: { ...process.env, MEDIA_KEY_FILE: stack.mediaKeyFile!, MEDIA_KEY: '' },
    encoding: 'utf8',
  });
  const newKey = /new current key (\S+);/.exec(out)?.[1];
  expect(newKey).toBeDefined();
  expect(newKey).not.toBe(oldKey);

  const after = await recordedCall(3);
  // Written by the Functions process, which was not restarted: it read the rotated ring.
  const keyIds = [...filesUnder(after.roomDir), ...filesUnder(after.outDir)].map(headerKeyId);
  expect(keyIds.length).toBeGreaterThan(5);
  expect(new Set(keyIds)).toEqual(new Set([newKey]));
  expect(headerKeyId(join(before.outDir, 'video.mp4'))).toBe(oldKey);

  const supervisor = await stack.signIn('supervisor');
  for (const { job, outDir } of [before, after]) {
    const plain = readStoredMedia(join(outDir, 'video.mp4'), stackMediaKeys(stack.dataDir));
    const r = await media(job.recordingId, supervisor, { Range: `bytes=${plain.length - 200}-` });
    expect(r.status).toBe(206);
    expect(Buffer.from(await r.arrayBuffer()).equals(plain.subarray(plain.length - 200))).toBe(true);
  }
});

/** The key id a sealed file names in its header. */
const headerKeyId = (path: string): string => decodeHeader(readFileSync(path)).keyId;
