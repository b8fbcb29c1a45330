import { randomBytes } from 'node:crypto';
import { staticKeyRing, type MediaKey, type MediaKeyRing } from '../key-ring';

/** A throw-away key ring for tests that need no key file. */
export function memoryKeyRing(id = 'test-key', key: Buffer = randomBytes(32)): MediaKeyRing & { key: MediaKey } {
  const entry = { id, key };
  return { ...staticKeyRing([entry], id), key: entry };
}
