import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRange, serveFile } from './media-files';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('serveFile over a real HTTP server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'media-files-'));
  const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
  writeFileSync(join(dir, 'video.mp4'), content);
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = req.url === '/missing' ? 'nope.mp4' : 'video.mp4';
      void serveFile(req, res, join(dir, name), 'video/mp4');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves the whole file with Accept-Ranges and Content-Length', async () => {
    const r = await get('/v');
    expect(r.status).toBe(200);
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-length']).toBe('1000');
    expect(r.headers['content-type']).toBe('video/mp4');
    expect(r.body.equals(content)).toBe(true);
  });

  it('serves a byte range with 206 and Content-Range', async () => {
    const r = await get('/v', { Range: 'bytes=100-199' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 100-199/1000');
    expect(r.headers['content-length']).toBe('100');
    expect(r.body.equals(content.subarray(100, 200))).toBe(true);
  });

  it('serves open-ended and suffix ranges', async () => {
    const open = await get('/v', { Range: 'bytes=990-' });
    expect(open.status).toBe(206);
    expect(open.body.equals(content.subarray(990))).toBe(true);
    const suffix = await get('/v', { Range: 'bytes=-10' });
    expect(suffix.headers['content-range']).toBe('bytes 990-999/1000');
    expect(suffix.body.equals(content.subarray(990))).toBe(true);
  });

  it('clamps a range running past the end', async () => {
    const r = await get('/v', { Range: 'bytes=900-5000' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 900-999/1000');
    expect(r.body.length).toBe(100);
  });

  it('answers 416 for a range past the end', async () => {
    const r = await get('/v', { Range: 'bytes=1000-' });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */1000');
    expect(r.body.length).toBe(0);
  });

  it('ignores a malformed range and sends everything', async () => {
    const r = await get('/v', { Range: 'bytes=abc' });
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(1000);
  });

  it('answers HEAD with headers only, 404 when absent, 405 for POST', async () => {
    const head = await get('/v', { Range: 'bytes=0-9' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers['content-length']).toBe('10');
    expect(head.body.length).toBe(0);
    expect((await get('/missing')).status).toBe(404);
    const post = await get('/v', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('parseRange', () => {
  it('reads the three forms and rejects what it must', () => {
    expect(parseRange(undefined, 10)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=2-4', 10)).toEqual({ kind: 'partial', start: 2, end: 4 });
    expect(parseRange('bytes=-3', 10)).toEqual({ kind: 'partial', start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=5-2', 10)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1,4-5', 10)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=-0', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
