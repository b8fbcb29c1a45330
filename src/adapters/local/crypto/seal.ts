import { createCipheriv, randomBytes } from 'node:crypto';
import { open, rename, rm, stat, utimes } from 'node:fs/promises';
import type { MediaKeyRing } from './key-ring';
import {
  chunkAad,
  chunkCount,
  chunkNonce,
  DEFAULT_CHUNK_SIZE,
  encodeHeader,
  fileKey,
  hasMagic,
  MAGIC,
  NONCE_BYTES,
  SealedFileError,
  type SealedHeader,
} from './sealed-format';

function sealChunk(key: Buffer, header: SealedHeader, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(header, index));
  cipher.setAAD(chunkAad(header, index, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function newHeader(ring: MediaKeyRing, chunkSize: number): { header: SealedHeader; key: Buffer } {
  const { id, key } = ring.current();
  const header = encodeHeader(id, chunkSize, randomBytes(NONCE_BYTES));
  return { header, key: fileKey(key, header) };
}

export function sealBuffer(plain: Buffer, ring: MediaKeyRing, chunkSize = DEFAULT_CHUNK_SIZE): Buffer {
  const { header, key } = newHeader(ring, chunkSize);
  const n = chunkCount(plain.length, chunkSize);
  const parts = [header.bytes];
  for (let i = 0; i < n; i++) parts.push(sealChunk(key, header, i, i === n - 1, plain.subarray(i * chunkSize, (i + 1) * chunkSize)));
  return Buffer.concat(parts);
}

export interface SealFileOptions {
  chunkSize?: number;
  /** Keep the source's modification time (storage and retention reports read it). */
  keepTimes?: boolean;
}

/**
 * Seals `source` into `target` chunk by chunk (memory stays at one chunk), through a temp file
 * renamed into place, so `target` is only ever absent, the old file, or whole. `source` may be
 * `target` (sealing in place). Resolves false, writing nothing, when `source` is sealed already or
 * vanished meanwhile (retention or erasure deleted it: a deleted recording must not come back).
 */
export async function sealFile(source: string, target: string, ring: MediaKeyRing, options: SealFileOptions = {}): Promise<boolean> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const temp = `${target}.seal-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  let input;
  try {
    input = await open(source, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  try {
    const st = await input.stat();
    // Checked on the open file, not the name: another sealer may have just renamed its result in.
    const head = Buffer.alloc(MAGIC.length);
    if (hasMagic(head.subarray(0, (await input.read(head, 0, head.length, 0)).bytesRead))) return false;
    const n = chunkCount(st.size, chunkSize);
    if (n > 0xffffffff) throw new SealedFileError('file too large for one sealed file');
    const { header, key } = newHeader(ring, chunkSize);
    const output = await open(temp, 'wx', 0o600);
    try {
      await output.write(header.bytes);
      const buf = Buffer.alloc(chunkSize);
      for (let i = 0; i < n; i++) {
        const { bytesRead } = await input.read(buf, 0, chunkSize, i * chunkSize);
        const expected = Math.min(chunkSize, st.size - i * chunkSize);
        if (bytesRead !== Math.max(0, expected)) throw new SealedFileError(`${source} changed while it was sealed`);
        await output.write(sealChunk(key, header, i, i === n - 1, buf.subarray(0, bytesRead)));
      }
      await output.sync();
    } finally {
      await output.close();
    }
    if (options.keepTimes) await utimes(temp, st.atime, st.mtime);
    if (!(await stat(source).catch(() => null))) {
      await rm(temp, { force: true });
      return false;
    }
    await rename(temp, target);
    return true;
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  } finally {
    await input.close();
  }
}
