import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, errorBody, type ErrorCode } from '../../../domain/errors';

/** A route of the local origin: handles the request and answers true, or leaves it to the next (false). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(self), microphone=(self), display-capture=(self)',
};

/**
 * A refusal decided by the HTTP layer rather than a domain rule (wrong method, oversize body,
 * foreign Host, …): always a 4xx, with any headers the status calls for (e.g. `Allow`).
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}

export const methodNotAllowed = (allowed: readonly string[]): HttpRefusal =>
  new HttpRefusal(405, 'method_not_allowed', `Use ${allowed.join(' or ')} here.`, { Allow: allowed.join(', ') });

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, errorBody(code, message), headers);
}

/**
 * Turns what a handler threw into a JSON error: caller mistakes are 4xx, the rest a generic 503.
 * Never throws: a response already under way (a stream) is cut instead.
 */
export function sendFailure(res: ServerResponse, e: unknown, log: (err: unknown) => void): void {
  if (!(e instanceof DomainError || e instanceof HttpRefusal)) log(e);
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  if (e instanceof HttpRefusal) return sendError(res, e.status, e.code, e.message, e.headers);
  if (e instanceof DomainError) return sendError(res, e.status, e.code, e.message);
  sendError(res, 503, 'unavailable', 'The service is unavailable right now. Please try again.');
}

const MAX_BODY_BYTES = 64 * 1024;
/** Past the limit, this much more is read and dropped so the 413 reaches a client still sending. */
const DISCARD_BYTES = 4 * 1024 * 1024;

const tooLarge = () => new HttpRefusal(413, 'body_too_large', 'The request body is too large.', { Connection: 'close' });

/**
 * Reads the raw body up to a limit. A larger body is a 413: read to its end and dropped (so the
 * client, still sending, can read the answer), or cut only when it goes on far past the limit.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit + DISCARD_BYTES) {
      reject(tooLarge()); // the server closes the connection after the answer
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit + DISCARD_BYTES) {
        reject(tooLarge());
        req.removeAllListeners('data');
        req.resume();
      }
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** A JSON object body (`{}` when empty); anything else is the caller's mistake. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8');
  if (!raw.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new DomainError('invalid_request', 'invalid_json', 'The request body is not valid JSON.');
  }
  if (!isJsonObject(parsed)) throw new DomainError('invalid_request', 'invalid_request', 'The request body must be a JSON object.');
  return parsed;
}

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}
