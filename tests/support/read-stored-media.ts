import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileKeyRing } from '../../src/adapters/local/crypto/key-file';
import type { MediaKeyRing } from '../../src/adapters/local/crypto/key-ring';
import { defaultMediaKeyFile } from '../../src/adapters/local/crypto/media-keys-from-config';
import { openSealedBuffer } from '../../src/adapters/local/crypto/open-sealed';
import { hasMagic } from '../../src/adapters/local/crypto/sealed-format';

/**
 * Test access to what the local back end stores sealed (AES-256-GCM at rest): the plaintext of a
 * stored file with the stack's own key ring, the way the server would read it.
 */

/** The key ring of a stack started on `dataDir` without MEDIA_KEY / MEDIA_KEY_FILE (the file beside it). */
export const stackMediaKeys = (dataDir: string): MediaKeyRing => fileKeyRing(defaultMediaKeyFile(dataDir));

export const isSealed = (path: string): boolean => hasMagic(readFileSync(path).subarray(0, 8));

/** The plaintext of a stored file; throws unless it is sealed (so a test cannot pass on a plain file by accident). */
export function readStoredMedia(path: string, keys: MediaKeyRing): Buffer {
  const raw = readFileSync(path);
  if (!hasMagic(raw)) throw new Error(`${path} is not sealed`);
  return openSealedBuffer(raw, keys);
}

export const readStoredText = (path: string, keys: MediaKeyRing): string => readStoredMedia(path, keys).toString('utf8');

export const readStoredJson = <T = any>(path: string, keys: MediaKeyRing): T => JSON.parse(readStoredText(path, keys)) as T;

/**
 * A plaintext copy of a stored media file in a temp folder, for tools that want a path (ffprobe,
 * janus-pp-rec). Same name, so the extension still tells the container. Raw tracks are sealed
 * only once their job has ended, so a file not sealed yet is copied as it is. Remove with `cleanup`.
 */
export function plainCopy(path: string, keys: MediaKeyRing): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 've-plain-'));
  const out = join(dir, basename(path));
  const raw = readFileSync(path);
  writeFileSync(out, hasMagic(raw) ? openSealedBuffer(raw, keys) : raw, { mode: 0o600 });
  return { path: out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
