import { hkdfSync } from 'node:crypto';

/**
 * The sealed file format (version 1):
 *
 *   header  = "VESEALED" | version u8 | key id length u8 | key id (ASCII) | chunk size u32 BE | base nonce (12 bytes)
 *   chunk i = AES-256-GCM(plaintext[i*C, (i+1)*C)) | tag (16 bytes)
 *
 * Every file has at least one chunk (an empty file is one empty chunk), and only the last may be
 * shorter than C, so the plaintext size follows from the file size. Each chunk's nonce is the
 * base nonce with the chunk index folded in, and its AAD is the whole header, the index and a
 * last-chunk flag: a moved, swapped, dropped or appended chunk, or an edited header, fails to open.
 * The AES key is derived per file (HKDF of the ring key, salted by the base nonce), so nonce reuse
 * across files cannot happen whatever the nonces are.
 */
export const MAGIC = Buffer.from('VESEALED', 'ascii');
export const FORMAT_VERSION = 1;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const TAG_BYTES = 16;
export const NONCE_BYTES = 12;
const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
/** Enough to hold any header (the key id is at most 255 bytes). */
export const MAX_HEADER_BYTES = MAGIC.length + 2 + 255 + 4 + NONCE_BYTES;

export interface SealedHeader {
  keyId: string;
  chunkSize: number;
  baseNonce: Buffer;
  /** The header's exact bytes: bound into every chunk's AAD. */
  bytes: Buffer;
}

export class SealedFileError extends Error {
  constructor(message: string) {
    super(`sealed file: ${message}`);
    this.name = 'SealedFileError';
  }
}

export function encodeHeader(keyId: string, chunkSize: number, baseNonce: Buffer): SealedHeader {
  const id = Buffer.from(keyId, 'ascii');
  if (id.length === 0 || id.length > 255) throw new SealedFileError('key id must be 1–255 ASCII bytes');
  const bytes = Buffer.alloc(MAGIC.length + 2 + id.length + 4 + NONCE_BYTES);
  let at = MAGIC.copy(bytes, 0);
  at = bytes.writeUInt8(FORMAT_VERSION, at);
  at = bytes.writeUInt8(id.length, at);
  at += id.copy(bytes, at);
  at = bytes.writeUInt32BE(chunkSize, at);
  baseNonce.copy(bytes, at);
  return { keyId, chunkSize, baseNonce, bytes };
}

export const hasMagic = (head: Buffer): boolean => head.length >= MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC);

/** Parses the header at the start of `head` (which may hold more bytes than the header). */
export function decodeHeader(head: Buffer): SealedHeader {
  if (!hasMagic(head)) throw new SealedFileError('not a sealed file (bad magic)');
  if (head.length < MAGIC.length + 2) throw new SealedFileError('truncated header');
  const version = head.readUInt8(MAGIC.length);
  if (version !== FORMAT_VERSION) throw new SealedFileError(`unsupported version ${version}`);
  const idLength = head.readUInt8(MAGIC.length + 1);
  const total = MAGIC.length + 2 + idLength + 4 + NONCE_BYTES;
  if (idLength === 0 || head.length < total) throw new SealedFileError('truncated header');
  let at = MAGIC.length + 2;
  const keyId = head.toString('ascii', at, at + idLength);
  at += idLength;
  const chunkSize = head.readUInt32BE(at);
  if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) throw new SealedFileError(`bad chunk size ${chunkSize}`);
  const baseNonce = Buffer.from(head.subarray(at + 4, at + 4 + NONCE_BYTES));
  return { keyId, chunkSize, baseNonce, bytes: Buffer.from(head.subarray(0, total)) };
}

/** How many chunks a plaintext of `size` bytes takes (never 0). */
export const chunkCount = (size: number, chunkSize: number): number => Math.max(1, Math.ceil(size / chunkSize));

/** Plaintext size from the sealed file's size; throws when no whole layout gives that size (truncation). */
export function plaintextSize(fileSize: number, header: SealedHeader): number {
  const body = fileSize - header.bytes.length;
  const stride = header.chunkSize + TAG_BYTES;
  const chunks = Math.ceil(body / stride);
  const last = body - (chunks - 1) * stride;
  if (body < TAG_BYTES || last < TAG_BYTES) throw new SealedFileError('truncated (no whole last chunk)');
  return body - chunks * TAG_BYTES;
}

/** Where chunk `index` starts in the sealed file. */
export const chunkOffset = (header: SealedHeader, index: number): number => header.bytes.length + index * (header.chunkSize + TAG_BYTES);

export function chunkNonce(header: SealedHeader, index: number): Buffer {
  const nonce = Buffer.from(header.baseNonce);
  nonce.writeUInt32BE((nonce.readUInt32BE(NONCE_BYTES - 4) ^ index) >>> 0, NONCE_BYTES - 4);
  return nonce;
}

export function chunkAad(header: SealedHeader, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(last ? 1 : 0, 4);
  return Buffer.concat([header.bytes, tail]);
}

export function fileKey(ringKey: Buffer, header: SealedHeader): Buffer {
  return Buffer.from(hkdfSync('sha256', ringKey, header.baseNonce, 've-sealed-file-v1', 32));
}
