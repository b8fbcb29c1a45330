import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { MediaKeyRing } from './key-ring';
import { openSealedBuffer, openSealedFile } from './open-sealed';
import { sealBuffer } from './seal';
import { hasMagic, MAGIC } from './sealed-format';

/**
 * Files the local back end stores, read whether they are sealed or not: media written before
 * encryption existed (and the raw tracks a running pipeline still works on) are plain; the
 * start-up pass seals what is finished (seal-recording-files.ts).
 */
export async function isSealedFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return hasMagic(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** The same check, synchronous; false when the file does not exist. */
export function isSealedFileSync(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(MAGIC.length);
    return hasMagic(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } finally {
    closeSync(fd);
  }
}

export async function readStoredFile(path: string, ring: MediaKeyRing): Promise<Buffer> {
  const raw = await readFile(path);
  return hasMagic(raw) ? openSealedBuffer(raw, ring) : raw;
}

/** Seals `content` into `path` through a temp file (0600) and a rename: readers see the old file or the new one. */
export async function writeSealedFile(path: string, content: string | Buffer, ring: MediaKeyRing): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temp, sealBuffer(Buffer.from(content), ring), { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** A stored file for serving: its plaintext size and any byte range as a stream. */
export interface StoredFile {
  size: number;
  mtime: Date;
  stream(start: number, end: number): Readable;
  close(): Promise<void>;
}

export async function openStoredFile(path: string, ring: MediaKeyRing): Promise<StoredFile> {
  if (await isSealedFile(path)) {
    const sealed = await openSealedFile(path, ring);
    return { size: sealed.size, mtime: sealed.mtime, stream: (start, end) => Readable.from(sealed.range(start, end)), close: sealed.close };
  }
  const fh = await open(path, 'r');
  const st = await fh.stat().finally(() => fh.close());
  return { size: st.size, mtime: st.mtime, stream: (start, end) => createReadStream(path, { start, end }), close: async () => undefined };
}

/** Writes the plaintext of a stored file to `target` (0600), for tools that need a real file (ffprobe, janus-pp-rec). */
export async function decryptToFile(path: string, target: string, ring: MediaKeyRing): Promise<void> {
  const file = await openStoredFile(path, ring);
  const out = await open(target, 'w', 0o600);
  try {
    if (file.size > 0) for await (const part of file.stream(0, file.size - 1)) await out.write(part as Buffer);
  } finally {
    await out.close();
    await file.close();
  }
}
