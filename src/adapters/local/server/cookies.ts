import type { IncomingMessage } from 'node:http';

/** A cookie's value, or undefined when absent or not a valid escape (a mangled credential is no credential). */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * A credential for media elements, which cannot send headers: HttpOnly (no script reads it),
 * SameSite=Strict (no other site sends it) and scoped to /media.
 */
export function mediaCookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${encodeURIComponent(value)}; Path=/media; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`;
}
