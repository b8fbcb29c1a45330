import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { openSealedBuffer, openSealedFile } from './open-sealed';
import { sealBuffer, sealFile } from './seal';
import { DEFAULT_CHUNK_SIZE, SealedFileError, TAG_BYTES, decodeHeader, plaintextSize } from './sealed-format';
import { memoryKeyRing } from './test-support/memory-key-ring';

const dir = mkdtempSync(join(tmpdir(), 'seal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ring = memoryKeyRing('k1');
const C = DEFAULT_CHUNK_SIZE;
let n = 0;
const file = (content: Buffer): string => {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, content);
  return path;
};

async function readRange(path: string, start: number, end: number, keys = ring): Promise<Buffer> {
  const f = await openSealedFile(path, keys);
  try {
    const parts: Buffer[] = [];
    for await (const p of f.range(start, end)) parts.push(p);
    return Buffer.concat(parts);
  } finally {
    await f.close();
  }
}

async function openAll(path: string, keys = ring): Promise<Buffer> {
  const f = await openSealedFile(path, keys);
  try {
    return await f.all();
  } finally {
    await f.close();
  }
}

describe('sealed file format', () => {
  it.each([0, 1, C - 1, C, C + 1, 5 * C + 123])('round trip of %i bytes, streamed and in memory, size known from the file size', async (size) => {
    const plain = randomBytes(size);
    const path = file(plain);
    expect(await sealFile(path, path, ring)).toBe(true);
    const sealed = readFileSync(path);
    if (size >= 16) expect(sealed.includes(plain.subarray(0, 16))).toBe(false); // nothing left in the clear
    const header = decodeHeader(sealed);
    expect(header).toMatchObject({ keyId: 'k1', chunkSize: C });
    expect(plaintextSize(sealed.length, header)).toBe(size);
    expect(sealed.length).toBe(header.bytes.length + size + Math.max(1, Math.ceil(size / C)) * TAG_BYTES);
    expect((await openAll(path)).equals(plain)).toBe(true);
    expect(openSealedBuffer(sealBuffer(plain, ring), ring).equals(plain)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('sealing twice is a no-op (the open file is checked, not its name)', async () => {
    const path = file(randomBytes(1000));
    await sealFile(path, path, ring);
    const once = readFileSync(path);
    expect(await sealFile(path, path, ring)).toBe(false);
    expect(readFileSync(path).equals(once)).toBe(true);
  });

  it('a range read matches the plaintext slice, across chunk boundaries', async () => {
    // Small chunks so that ranges cross many boundaries.
    const plain = randomBytes(1000);
    const path = file(plain);
    await sealFile(path, path, ring, { chunkSize: 64 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), async (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect((await readRange(path, start, end)).equals(plain.subarray(start, end + 1))).toBe(true);
      }),
      { numRuns: 200 },
    );
    await expect(readRange(path, 0, 1000)).rejects.toThrow(RangeError);
  });

  it('a range decrypts only the chunks it covers', async () => {
    const plain = randomBytes(4 * 64);
    const path = file(plain);
    await sealFile(path, path, ring, { chunkSize: 64 });
    const sealed = readFileSync(path);
    const header = decodeHeader(sealed);
    sealed[header.bytes.length + 3 * (64 + TAG_BYTES) + 5] ^= 1; // damage chunk 3 only
    writeFileSync(path, sealed);
    expect((await readRange(path, 10, 190)).equals(plain.subarray(10, 191))).toBe(true);
    await expect(readRange(path, 10, 200)).rejects.toThrow(/chunk 3 does not authenticate/);
  });

  describe('fails loudly', () => {
    const plain = randomBytes(3 * 64 + 10);
    const sealedCopy = () => {
      const path = file(plain);
      return sealFile(path, path, ring, { chunkSize: 64 }).then(() => ({ path, bytes: readFileSync(path), header: decodeHeader(readFileSync(path)) }));
    };
    const stride = 64 + TAG_BYTES;

    it('on a changed byte anywhere in a chunk or its tag', async () => {
      const { path, bytes, header } = await sealedCopy();
      for (const at of [header.bytes.length, header.bytes.length + stride - 1, bytes.length - 1]) {
        const bad = Buffer.from(bytes);
        bad[at] ^= 0x80;
        writeFileSync(path, bad);
        await expect(openAll(path)).rejects.toThrow(SealedFileError);
        expect(() => openSealedBuffer(bad, ring)).toThrow(SealedFileError);
      }
    });

    it('on a changed header (key id, chunk size, nonce)', async () => {
      const { bytes, header } = await sealedCopy();
      const badNonce = Buffer.from(bytes);
      badNonce[header.bytes.length - 1] ^= 1;
      expect(() => openSealedBuffer(badNonce, ring)).toThrow(/does not authenticate/);
      const badId = Buffer.from(bytes);
      badId[10] = 'x'.charCodeAt(0); // "k1" → "x1": no such key
      expect(() => openSealedBuffer(badId, ring)).toThrow(/not in the media key ring/);
      const badSize = Buffer.from(bytes);
      badSize.writeUInt32BE(65, 12); // chunk size 64 → 65
      expect(() => openSealedBuffer(badSize, ring)).toThrow(SealedFileError);
    });

    it('on swapped chunks', async () => {
      const { path, bytes, header } = await sealedCopy();
      const h = header.bytes.length;
      const swapped = Buffer.concat([bytes.subarray(0, h), bytes.subarray(h + stride, h + 2 * stride), bytes.subarray(h, h + stride), bytes.subarray(h + 2 * stride)]);
      writeFileSync(path, swapped);
      await expect(readRange(path, 0, 10)).rejects.toThrow(/chunk 0 does not authenticate/);
      await expect(openAll(path)).rejects.toThrow(SealedFileError);
    });

    it('on truncation: a whole last chunk dropped, a cut inside a chunk, a header alone', async () => {
      const { path, bytes, header } = await sealedCopy();
      const h = header.bytes.length;
      for (const length of [bytes.length - (10 + TAG_BYTES), h + 2 * stride, bytes.length - 1, h + 5, h]) {
        writeFileSync(path, bytes.subarray(0, length));
        await expect(openAll(path)).rejects.toThrow(SealedFileError);
      }
    });

    it('on an appended chunk', async () => {
      const { path, bytes } = await sealedCopy();
      writeFileSync(path, Buffer.concat([bytes, bytes.subarray(bytes.length - 26)]));
      await expect(openAll(path)).rejects.toThrow(SealedFileError);
    });

    it('with the wrong key under the same id', async () => {
      const { path } = await sealedCopy();
      await expect(openAll(path, memoryKeyRing('k1'))).rejects.toThrow(/does not authenticate/);
    });

    it('on a file that is not sealed', async () => {
      await expect(openAll(file(Buffer.from('plain text, not sealed')))).rejects.toThrow(/not a sealed file/);
    });
  });
});
