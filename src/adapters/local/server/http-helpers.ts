import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, errorBody } from '../../../domain/errors';

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(self), microphone=(self), display-capture=(self)',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, errorBody(code, message));
}

/** Turns what a handler threw into a JSON error: caller mistakes are 4xx, the rest a generic 503. */
export function sendFailure(res: ServerResponse, e: unknown, log: (err: unknown) => void): void {
  if (e instanceof DomainError) return sendError(res, e.status, e.code, e.message);
  log(e);
  sendError(res, 503, 'unavailable', 'The service is unavailable right now. Please try again.');
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads the raw body up to a limit; rejects with a 413 DomainError-like error past it. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new DomainError('invalid_request', 'body_too_large', 'The request body is too large.'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = (await readBody(req)).toString('utf8');
  if (!raw.trim()) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new DomainError('invalid_request', 'invalid_json', 'The request body is not valid JSON.');
  }
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}
