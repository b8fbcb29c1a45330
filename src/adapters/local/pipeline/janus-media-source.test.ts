import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execTool } from './exec';
import { extensionForCodec, parseMjrHeaderJson } from './janus-media-source';

describe('.mjr headers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mjr-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads codec and first-packet time from real `janus-pp-rec -j` output', async () => {
    // A header-only MJR00002 file: magic, 2-byte length, JSON header (what Janus writes first).
    const json = JSON.stringify({ t: 'a', c: 'opus', s: 1700000000000000, u: 1700000000250000 });
    const buf = Buffer.alloc(10 + json.length);
    buf.write('MJR00002', 0);
    buf.writeUInt16BE(json.length, 8);
    buf.write(json, 10);
    const path = join(dir, 'audio.mjr');
    writeFileSync(path, buf);
    const { stdout } = await execTool('janus-pp-rec', ['-j', path]);
    expect(parseMjrHeaderJson(stdout)).toEqual({ codec: 'opus', firstPacketUs: 1700000000250000 });
  });

  it('rejects output without a header and maps codecs to containers', () => {
    expect(() => parseMjrHeaderJson('[WARN] nothing here')).toThrow();
    expect(extensionForCodec('opus')).toBe('opus');
    expect(extensionForCodec('vp8')).toBe('webm');
    expect(extensionForCodec('h264')).toBe('mkv');
  });
});
