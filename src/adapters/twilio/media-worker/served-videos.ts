import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MediaUrlSigner } from './media-url-signer';
import { servedVideoRef } from './finished-video-url';
import type { VideoPublisher } from './video-publisher';

const NAME = /^FN-\d+-[A-Za-z0-9_-]+\.mp4$/;

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` over a file of `size`; null when absent, 'bad' when unsatisfiable. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null; // several ranges or nonsense: the whole file
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'bad' : { start, end };
}

/**
 * Finished videos served by the worker itself (no bucket): one file per finish id in its own folder,
 * at URLs the Functions sign for each checked viewer (finished-video-url.ts). Not single-use and not
 * swept like the FLACs: players fetch a video many times, in ranges, until retention removes it.
 * Only this copy can serve its files, so the ref names this copy's address.
 */
export class ServedVideos implements VideoPublisher {
  readonly refPrefix: string;

  constructor(
    private readonly dir: string,
    private readonly publicBaseUrl: string,
    private readonly signer: MediaUrlSigner,
  ) {
    this.refPrefix = servedVideoRef(publicBaseUrl, '');
  }

  async publish(name: string, file: string): Promise<string> {
    if (!NAME.test(name)) throw new Error(`not a finished video name: ${name}`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const partial = join(this.dir, `.${name}.partial`);
    // Copied then renamed: the served name only ever holds a whole file.
    await copyFile(file, partial);
    await rename(partial, join(this.dir, name));
    return servedVideoRef(this.publicBaseUrl, name);
  }

  async remove(ref: string): Promise<void> {
    if (!ref.startsWith(this.refPrefix)) return;
    const name = decodeURIComponent(ref.slice(this.refPrefix.length));
    if (NAME.test(name)) await rm(join(this.dir, name), { force: true });
  }

  /** `GET|HEAD /videos/<name>?expires=…&sig=…`: the video (ranges allowed), or 404 for anything unsigned, expired or gone. */
  async handle(req: IncomingMessage, res: ServerResponse, name: string, query: URLSearchParams, now: Date): Promise<void> {
    const notFound = () => void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    if (!NAME.test(name) || !this.signer.verify(name, query.get('expires'), query.get('sig'), now)) return notFound();
    const path = join(this.dir, name);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      return notFound();
    }
    const headers = { 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, no-store' };
    const range = byteRange(req.headers.range, size);
    if (range === 'bad') return void res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
    const { start, end } = range ?? { start: 0, end: size - 1 };
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'Content-Length': String(end - start + 1),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (req.method === 'HEAD' || size === 0) return void res.end();
    try {
      await pipeline(createReadStream(path, { start, end }), res);
    } catch {
      res.destroy();
    }
  }
}
