import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPresignedUrl } from './sigv4';

/**
 * A path-style S3 stand-in on 127.0.0.1: PUT and DELETE need an AWS4 Authorization header for the
 * expected access key (not verified further); a GET must carry a presigned URL that verifies
 * (sigv4.ts), which is all Voice Intelligence has when it fetches a file.
 */
export interface FakeS3 {
  endpoint: string;
  objects: Map<string, Buffer>;
  /** Every presigned GET: the object key and the answer. */
  gets: { key: string; status: number; why?: string }[];
  close(): Promise<void>;
}

const body = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** `aws-chunked` bodies (streamed uploads with a trailing checksum): the data of each chunk, in order. */
function dechunk(raw: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(raw.toString('latin1', at, eol).split(';')[0], 16);
    if (!(size > 0)) break;
    out.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

export async function startFakeS3(o: { bucket: string; accessKeyId: string; secretAccessKey: string }): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const gets: FakeS3['gets'] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const [, bucket, ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (bucket !== o.bucket || !key) return void res.writeHead(404).end('NoSuchBucket');
      if (req.method === 'GET') {
        const check = checkPresignedUrl(url.toString(), { secretAccessKey: o.secretAccessKey, now: new Date() });
        const object = objects.get(key);
        const status = !check.ok || check.accessKeyId !== o.accessKeyId ? 403 : object ? 200 : 404;
        gets.push({ key, status, ...(check.ok ? {} : { why: check.why }) });
        if (status !== 200) return void res.writeHead(status).end(check.ok ? 'NoSuchKey' : `SignatureDoesNotMatch: ${check.why}`);
        return void res.writeHead(200, { 'Content-Type': 'audio/flac', 'Content-Length': String(object!.length) }).end(object);
      }
      if (!String(req.headers.authorization ?? '').includes(`Credential=${o.accessKeyId}/`)) return void res.writeHead(403).end('AccessDenied');
      if (req.method === 'PUT') {
        const raw = await body(req);
        objects.set(key, String(req.headers['content-encoding'] ?? '').includes('aws-chunked') ? dechunk(raw) : raw);
        return void res.writeHead(200, { ETag: '"fake"' }).end();
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        return void res.writeHead(204).end();
      }
      res.writeHead(405).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    gets,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
