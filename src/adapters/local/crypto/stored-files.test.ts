import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFile } from '../pipeline/media-files';
import { sealFile } from './seal';
import { DEFAULT_CHUNK_SIZE, decodeHeader } from './sealed-format';
import { decryptToFile, isSealedFile, openStoredFile, readStoredFile, writeSealedFile } from './stored-files';
import { memoryKeyRing } from './test-support/memory-key-ring';

const ring = memoryKeyRing();
const dir = mkdtempSync(join(tmpdir(), 'stored-'));
const C = DEFAULT_CHUNK_SIZE;
const video = randomBytes(3 * C + 777);
let server: Server;
let port: number;

beforeAll(async () => {
  writeFileSync(join(dir, 'video.mp4'), video);
  await sealFile(join(dir, 'video.mp4'), join(dir, 'video.mp4'), ring);
  writeFileSync(join(dir, 'legacy.mp4'), video); // written before encryption existed
  const damaged = readFileSync(join(dir, 'video.mp4'));
  damaged[decodeHeader(damaged).bytes.length + 2 * (C + 16) + 9] ^= 1; // inside chunk 2
  writeFileSync(join(dir, 'damaged.mp4'), damaged);
  server = createServer((req, res) => {
    void serveFile(req, res, join(dir, (req.url ?? '').slice(1)), 'video/mp4', (p) => openStoredFile(p, ring)).catch(() => {
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer; complete: boolean }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: false }));
    });
    req.on('error', reject);
    req.end();
  });

describe('serving a sealed file with HTTP ranges', () => {
  const total = String(video.length);

  it('the whole file is the plaintext, with the plaintext length', async () => {
    const r = await get('/video.mp4');
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe(total);
    expect(r.body.equals(video)).toBe(true);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    [`bytes=${C - 50}-${C + 49}`, C - 50, C + 49], // across a chunk boundary
    [`bytes=${C}-${3 * C}`, C, 3 * C], // whole chunks and one byte more
    ['bytes=-300', video.length - 300, video.length - 1], // suffix
    [`bytes=${3 * C + 700}-`, 3 * C + 700, video.length - 1], // open-ended, in the short last chunk
  ])('%s: 206 with the exact plaintext bytes', async (range, start, end) => {
    const r = await get('/video.mp4', { Range: range });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes ${start}-${end}/${total}`);
    expect(r.headers['content-length']).toBe(String(end - start + 1));
    expect(r.body.equals(video.subarray(start, end + 1))).toBe(true);
  });

  it('416 past the plaintext end (the sealed file is longer: the plaintext size counts)', async () => {
    const r = await get('/video.mp4', { Range: `bytes=${video.length}-` });
    expect(statSync(join(dir, 'video.mp4')).size).toBeGreaterThan(video.length);
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes */${total}`);
  });

  it('a file from before encryption is still served as it is', async () => {
    const r = await get('/legacy.mp4', { Range: 'bytes=10-19' });
    expect(r.status).toBe(206);
    expect(r.body.equals(video.subarray(10, 20))).toBe(true);
  });

  it('a damaged chunk cuts the response short instead of sending wrong bytes; ranges before it still play', async () => {
    const early = await get('/damaged.mp4', { Range: 'bytes=0-1000' });
    expect(early.body.equals(video.subarray(0, 1001))).toBe(true);
    const r = await get('/damaged.mp4');
    expect(r.complete).toBe(false);
    expect(r.body.length).toBeLessThan(video.length);
    expect(r.body.equals(video.subarray(0, r.body.length))).toBe(true);
  });

  it('404 when absent', async () => {
    expect((await get('/missing.mp4')).status).toBe(404);
  });
});

describe('stored small files', () => {
  it('are written sealed (0600, no temp left) and read back; plain files still read', async () => {
    const sub = mkdtempSync(join(dir, 'text-'));
    await writeSealedFile(join(sub, 'captions.vtt'), 'WEBVTT\n\ncard number [card number]', ring);
    expect(readdirSync(sub)).toEqual(['captions.vtt']);
    expect(statSync(join(sub, 'captions.vtt')).mode & 0o777).toBe(0o600);
    expect(await isSealedFile(join(sub, 'captions.vtt'))).toBe(true);
    expect(readFileSync(join(sub, 'captions.vtt')).includes('WEBVTT')).toBe(false);
    expect((await readStoredFile(join(sub, 'captions.vtt'), ring)).toString()).toBe('WEBVTT\n\ncard number [card number]');
    writeFileSync(join(sub, 'old.json'), '{"a":1}');
    expect((await readStoredFile(join(sub, 'old.json'), ring)).toString()).toBe('{"a":1}');
    await decryptToFile(join(dir, 'video.mp4'), join(sub, 'plain.mp4'), ring);
    expect(readFileSync(join(sub, 'plain.mp4')).equals(video)).toBe(true);
  });
});
