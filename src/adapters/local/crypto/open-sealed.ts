import { createDecipheriv } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { MediaKeyRing } from './key-ring';
import {
  chunkAad,
  chunkCount,
  chunkNonce,
  chunkOffset,
  decodeHeader,
  fileKey,
  MAX_HEADER_BYTES,
  plaintextSize,
  SealedFileError,
  TAG_BYTES,
  type SealedHeader,
} from './sealed-format';

/** Random access to one sealed file: its plaintext size, and any byte range, decrypting only the chunks it covers. */
export interface SealedFile {
  header: SealedHeader;
  /** Plaintext bytes. */
  size: number;
  mtime: Date;
  /** Plaintext bytes `start`..`end` (inclusive), chunk by chunk. */
  range(start: number, end: number): AsyncGenerator<Buffer>;
  /** The whole plaintext, every chunk checked (an empty file's one chunk too). */
  all(): Promise<Buffer>;
  close(): Promise<void>;
}

function keyFor(ring: MediaKeyRing, header: SealedHeader): Buffer {
  const found = ring.find(header.keyId);
  if (!found) throw new SealedFileError(`key ${header.keyId} is not in the media key ring`);
  return fileKey(found.key, header);
}

function openChunk(key: Buffer, header: SealedHeader, index: number, last: boolean, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(header, index));
  decipher.setAAD(chunkAad(header, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedFileError(`chunk ${index} does not authenticate (tampered, reordered, truncated, or another key)`);
  }
}

/** Opens a sealed buffer whole (captions, transcripts, small JSON). */
export function openSealedBuffer(sealed: Buffer, ring: MediaKeyRing): Buffer {
  const header = decodeHeader(sealed.subarray(0, MAX_HEADER_BYTES));
  const key = keyFor(ring, header);
  const size = plaintextSize(sealed.length, header);
  const n = chunkCount(size, header.chunkSize);
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const at = chunkOffset(header, i);
    const len = Math.min(header.chunkSize, size - i * header.chunkSize) + TAG_BYTES;
    parts.push(openChunk(key, header, i, i === n - 1, sealed.subarray(at, at + len)));
  }
  return Buffer.concat(parts);
}

export async function openSealedFile(path: string, ring: MediaKeyRing): Promise<SealedFile> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    const head = Buffer.alloc(Math.min(MAX_HEADER_BYTES, st.size));
    await fh.read(head, 0, head.length, 0);
    const header = decodeHeader(head);
    const key = keyFor(ring, header);
    const size = plaintextSize(st.size, header);
    const C = header.chunkSize;
    const n = chunkCount(size, C);
    const chunk = async (i: number): Promise<Buffer> => {
      const len = Math.min(C, size - i * C) + TAG_BYTES;
      const sealed = Buffer.alloc(len);
      const { bytesRead } = await fh.read(sealed, 0, len, chunkOffset(header, i));
      if (bytesRead !== len) throw new SealedFileError(`chunk ${i} is short (the file changed while read)`);
      return openChunk(key, header, i, i === n - 1, sealed);
    };
    async function* range(start: number, end: number): AsyncGenerator<Buffer> {
      if (start < 0 || end >= size || start > end) throw new RangeError(`range ${start}-${end} outside 0-${size - 1}`);
      for (let i = Math.floor(start / C); i <= Math.floor(end / C); i++) {
        const plain = await chunk(i);
        yield plain.subarray(Math.max(0, start - i * C), Math.min(plain.length, end - i * C + 1));
      }
    }
    return {
      header,
      size,
      mtime: st.mtime,
      range,
      all: async () => {
        const parts: Buffer[] = [];
        for (let i = 0; i < n; i++) parts.push(await chunk(i));
        return Buffer.concat(parts);
      },
      close: () => fh.close(),
    };
  } catch (e) {
    await fh.close();
    throw e;
  }
}
