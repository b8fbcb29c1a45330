import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { logger } from '../../../logger';
import { keyFromBase64, keyIdSchema, MediaKeyError, staticKeyRing, type MediaKey, type MediaKeyRing } from './key-ring';

/**
 * The key ring file (JSON, mode 0600), kept outside the data folder so a copy of the data folder
 * is not a copy of its key:
 *   { "version": 1, "current": "<id>", "keys": [{ "id": "<id>", "key": "<base64 of 32 bytes>", "createdAt": "<ISO>" }] }
 * Rotation adds a key and makes it current; old keys stay so old files keep opening.
 */
const keyFileSchema = z
  .object({
    version: z.literal(1),
    current: keyIdSchema,
    keys: z.array(z.object({ id: keyIdSchema, key: z.string(), createdAt: z.string() })).min(1),
  })
  .refine((f) => f.keys.some((k) => k.id === f.current), 'current must name one of the keys')
  .refine((f) => new Set(f.keys.map((k) => k.id)).size === f.keys.length, 'key ids must be unique');

export type KeyFile = z.infer<typeof keyFileSchema>;

export const newKeyId = (now = new Date()): string => `mk-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;

const newEntry = (now = new Date()) => ({ id: newKeyId(now), key: randomBytes(32).toString('base64'), createdAt: now.toISOString() });

export function parseKeyFile(text: string, path: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MediaKeyError(`media key file ${path} is not JSON`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new MediaKeyError(`media key file ${path} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  for (const k of parsed.data.keys) keyFromBase64(k.key, `key ${k.id} in ${path}`);
  return parsed.data;
}

export function readKeyFile(path: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new MediaKeyError(`media key file ${path} cannot be read (${code}): without it sealed media cannot be opened`);
  }
  return parseKeyFile(text, path);
}

/** Temp file then rename, always 0600: a crash leaves the old ring or the new one. */
function writeKeyFile(path: string, file: KeyFile): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temp, path);
}

/**
 * Makes a key file with one fresh key unless one is there. Safe against a second process doing
 * the same at once: the file appears whole (link of a finished temp file) and only once.
 */
export function createKeyFileIfAbsent(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const entry = newEntry();
  writeFileSync(temp, `${JSON.stringify({ version: 1, current: entry.id, keys: [entry] }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Adds a new key and makes it current; returns its id. Running processes pick it up on their next file. */
export function rotateKeyFile(path: string, now = new Date()): string {
  const file = readKeyFile(path);
  const entry = newEntry(now);
  writeKeyFile(path, { ...file, current: entry.id, keys: [...file.keys, entry] });
  return entry.id;
}

const toRing = (file: KeyFile): MediaKeyRing =>
  staticKeyRing(
    file.keys.map((k): MediaKey => ({ id: k.id, key: keyFromBase64(k.key) })),
    file.current,
  );

/**
 * The ring in a key file, read again whenever the file changes (a rotation by `npm run
 * media-key:rotate` reaches a running stack without a restart). A ring readable by others is
 * put back to 0600.
 */
export function fileKeyRing(path: string): MediaKeyRing {
  let cached: { stamp: string; ring: MediaKeyRing } | undefined;
  const load = (): MediaKeyRing => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return toRing(readKeyFile(path)); // throws the explanation
    }
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    if (cached?.stamp === stamp) return cached.ring;
    if (st.mode & 0o077) {
      chmodSync(path, 0o600);
      logger.warn({ path }, 'the media key file was readable by others: set back to 0600');
    }
    cached = { stamp, ring: toRing(readKeyFile(path)) };
    return cached.ring;
  };
  return { current: () => load().current(), find: (id) => load().find(id) };
}
