import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealBuffer } from '../crypto/seal';
import { memoryKeyRing } from '../crypto/test-support/memory-key-ring';
import { stackMediaKeyFile } from './media-key-file';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'stack-key-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the stack media key file', () => {
  it('is made beside a new data folder, and kept on the next start', () => {
    const data = join(dir, 'data');
    expect(stackMediaKeyFile(data, {})).toBe(join(dir, 'data.media-keys.json'));
    expect(existsSync(join(dir, 'data.media-keys.json'))).toBe(true);
    expect(stackMediaKeyFile(data, {})).toBe(join(dir, 'data.media-keys.json'));
  });

  it('is made for a data folder from before encryption (nothing sealed yet)', () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'compositions', 'RE1'), { recursive: true });
    writeFileSync(join(data, 'compositions', 'RE1', 'captions.vtt'), 'WEBVTT\n');
    expect(stackMediaKeyFile(data, {})).toBe(join(dir, 'data.media-keys.json'));
  });

  it('is never silently replaced when sealed recordings exist and their ring is gone', () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'compositions', 'RE1'), { recursive: true });
    writeFileSync(join(data, 'compositions', 'RE1', 'captions.vtt'), sealBuffer(Buffer.from('WEBVTT\n'), memoryKeyRing()));
    expect(() => stackMediaKeyFile(data, {})).toThrow(/missing, but .* holds sealed recordings: restore the key file/);
    expect(existsSync(join(dir, 'data.media-keys.json'))).toBe(false);
  });

  it('MEDIA_KEY needs no file; MEDIA_KEY_FILE is used as given', () => {
    expect(stackMediaKeyFile(join(dir, 'data'), { MEDIA_KEY: randomBytes(32).toString('base64') })).toBeNull();
    expect(stackMediaKeyFile(join(dir, 'data'), { MEDIA_KEY_FILE: join(dir, 'ring.json') })).toBe(join(dir, 'ring.json'));
    expect(existsSync(join(dir, 'data.media-keys.json'))).toBe(false);
  });
});
