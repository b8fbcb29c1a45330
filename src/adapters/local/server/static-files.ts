import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from './http-helpers';

/** Pages hold tokens: only our own scripts and styles; media from the server, the camera, or blobs. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; " +
  "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** Serves `relativePath` from `root` if it is a file inside it; false otherwise (no traversal). */
export function serveStatic(res: ServerResponse, root: string, relativePath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return false; // a bad escape names no file
  }
  const full = normalize(join(root, decoded));
  if (!full.startsWith(normalize(root) + sep)) return false;
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) return false;
    size = stat.size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    ...(extname(full) === '.html' ? { 'Content-Security-Policy': PAGE_CSP } : {}),
    'Content-Type': TYPES[extname(full)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  });
  createReadStream(full).pipe(res);
  return true;
}
