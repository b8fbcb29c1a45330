import { createHash } from 'node:crypto';
import { z } from 'zod';

export interface MediaKey {
  id: string;
  /** 32 bytes, AES-256. */
  key: Buffer;
}

/** The keys media is sealed with: new files take the current one; a file names the key that opens it. */
export interface MediaKeyRing {
  current(): MediaKey;
  find(id: string): MediaKey | undefined;
}

/** The key ring is missing, unreadable or invalid: nothing sealed can be opened until it is fixed. */
export class MediaKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaKeyError';
  }
}

export const keyIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a key id: 1–64 of A-Z a-z 0-9 . _ -');

export function keyFromBase64(text: string, what = 'MEDIA_KEY'): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new MediaKeyError(`${what} is not base64`);
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new MediaKeyError(`${what} must be the base64 of exactly 32 bytes (got ${key.length})`);
  return key;
}

/** A key given as MEDIA_KEY has no name of its own: its id is a short fingerprint, stable for the same key. */
export const envKeyId = (key: Buffer): string => `env-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;

export function staticKeyRing(keys: readonly MediaKey[], currentId: string): MediaKeyRing {
  const byId = new Map(keys.map((k) => [k.id, k]));
  const current = byId.get(currentId);
  if (!current) throw new MediaKeyError(`the media key ring has no key ${currentId}`);
  return { current: () => current, find: (id) => byId.get(id) };
}

/** Writes with `first`; reads with whichever ring knows the id (an env key in front of a key file). */
export function layeredKeyRing(first: MediaKeyRing, fallback: MediaKeyRing): MediaKeyRing {
  return { current: () => first.current(), find: (id) => first.find(id) ?? fallback.find(id) };
}
