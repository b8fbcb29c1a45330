import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { StoredFile } from '../crypto/stored-files';

export type RangeResult = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One `bytes=` range against a file of `size` bytes (RFC 9110 §14): `a-b`, `a-`, `-n`.
 * Malformed or multi-range headers are ignored (the whole file is a valid answer to them);
 * a syntactically valid range wholly past the end is unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'full' };
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** A plain file as served: what an unsealed file on disk is. */
async function openPlainFile(absPath: string): Promise<StoredFile> {
  const st = await stat(absPath);
  if (!st.isFile()) throw new Error('not a file');
  return { size: st.size, mtime: st.mtime, stream: (start, end) => createReadStream(absPath, { start, end }), close: async () => undefined };
}

/**
 * Serves one file with range support so players can seek: 200 with the whole file, 206 with one
 * range, 416 for a range past the end, 404 when absent, 405 for anything but GET/HEAD. The caller
 * has already authorized the viewer; responses are marked private so shared caches keep nothing.
 * `open` gives the file's plaintext (a sealed file's size and ranges, stored-files.ts).
 */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  absPath: string,
  contentType: string,
  open: (absPath: string) => Promise<StoredFile> = openPlainFile,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': '0' }).end();
    return;
  }
  let file: StoredFile;
  try {
    file = await open(absPath);
  } catch (e) {
    // Absent is 404; a sealed file that will not open (no key, damaged) is the server's fault, and said so.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR' && (e as Error).message !== 'not a file') throw e;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  try {
    await send(req, res, file, contentType);
  } finally {
    await file.close();
  }
}

async function send(req: IncomingMessage, res: ServerResponse, file: StoredFile, contentType: string): Promise<void> {
  const { size } = file;
  const base = {
    'Accept-Ranges': 'bytes',
    'Content-Type': contentType,
    'Last-Modified': file.mtime.toUTCString(),
    'Cache-Control': 'private, no-cache',
  };
  const range = parseRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }).end();
    return;
  }
  const [status, start, end] = range.kind === 'partial' ? [206, range.start, range.end] : [200, 0, size - 1];
  const headers: Record<string, string> = { ...base, 'Content-Length': String(Math.max(0, end - start + 1)) };
  if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(file.stream(start, end), res);
  } catch {
    // The viewer went away mid-download (seeking does that), or a sealed chunk failed to
    // authenticate after the headers went out: the response is cut short, never wrong bytes.
    res.destroy();
  }
}
