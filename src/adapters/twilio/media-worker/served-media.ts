import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MediaPublisher, PublishedMedia } from './media-publisher';
import type { MediaUrlSigner } from './media-url-signer';

const NAME = /^MW[0-9a-f]{32}\.flac$/;

/**
 * The worker serves its FLACs itself: a file per transcript in one folder, at a signed URL that
 * expires, for Voice Intelligence to fetch once. Voice Intelligence fetches exactly once and never
 * retries (https://www.twilio.com/docs/conversational-intelligence/limitations), so the file goes
 * as soon as one GET has sent it whole; what was never fetched goes when its URL has expired.
 * Only the worker that made a file can serve it: with several copies behind one address, use a
 * bucket instead (s3-media.ts).
 */
export class ServedMedia implements MediaPublisher {
  readonly kind = 'served' as const;

  constructor(
    private readonly dir: string,
    private readonly signer: MediaUrlSigner,
  ) {}

  async publish(name: string, file: string, expiresAt: Date): Promise<PublishedMedia> {
    if (!NAME.test(name)) throw new Error(`not a media file name: ${name}`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await rename(file, join(this.dir, name));
    return { url: this.signer.url(name, expiresAt), ref: name };
  }

  async remove(ref: string): Promise<void> {
    if (NAME.test(ref)) await rm(join(this.dir, ref), { force: true });
  }

  /** `GET|HEAD /media/<name>?expires=…&sig=…`: 200 with the FLAC, or 404 for anything unsigned, expired or gone. */
  async handle(req: IncomingMessage, res: ServerResponse, name: string, query: URLSearchParams, now: Date): Promise<void> {
    const path = join(this.dir, name);
    const notFound = () => void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    if (!NAME.test(name) || !this.signer.verify(name, query.get('expires'), query.get('sig'), now)) return notFound();
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      return notFound();
    }
    res.writeHead(200, { 'Content-Type': 'audio/flac', 'Content-Length': String(size), 'Cache-Control': 'private, no-store' });
    if (req.method === 'HEAD') return void res.end();
    try {
      await pipeline(createReadStream(path), res);
      // Sent whole: that was the one fetch.
      await rm(path, { force: true });
    } catch {
      res.destroy();
    }
  }

  /** Deletes files older than `maxAgeMs` (URLs expired unfetched, or a worker killed after publishing). */
  async sweep(now: Date, maxAgeMs: number): Promise<number> {
    let removed = 0;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(this.dir, name);
      const st = await stat(path).catch(() => null);
      if (st && now.getTime() - st.mtimeMs > maxAgeMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
