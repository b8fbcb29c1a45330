import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyFileIfAbsent, fileKeyRing, readKeyFile, rotateKeyFile } from './key-file';
import { envKeyId } from './key-ring';
import { defaultMediaKeyFile, mediaKeyRingFromConfig } from './media-keys-from-config';
import { openSealedBuffer } from './open-sealed';
import { sealBuffer } from './seal';
import { decodeHeader } from './sealed-format';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keys-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('media key file', () => {
  it('is made once, 0600, with one current key; a second maker keeps the first file', () => {
    const path = join(dir, 'ring.json');
    expect(createKeyFileIfAbsent(path)).toBe(true);
    const first = readFileSync(path, 'utf8');
    expect(createKeyFileIfAbsent(path)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(first);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = readKeyFile(path);
    expect(file.keys).toHaveLength(1);
    expect(file.current).toBe(file.keys[0].id);
    expect(Buffer.from(file.keys[0].key, 'base64')).toHaveLength(32);
    expect(readdirSync(dir)).toEqual(['ring.json']); // no temp files left
  });

  it('rotation: new files carry the new key id, files sealed before still open, all keys kept', () => {
    const path = join(dir, 'ring.json');
    createKeyFileIfAbsent(path);
    const ring = fileKeyRing(path); // a running process's view: it sees the rotation without a restart
    const oldId = ring.current().id;
    const before = sealBuffer(Buffer.from('sealed before rotation'), ring);

    const newId = rotateKeyFile(path, new Date(Date.now() + 1000));
    expect(newId).not.toBe(oldId);
    expect(ring.current().id).toBe(newId);
    const after = sealBuffer(Buffer.from('sealed after rotation'), ring);
    expect(decodeHeader(before).keyId).toBe(oldId);
    expect(decodeHeader(after).keyId).toBe(newId);
    expect(openSealedBuffer(before, ring).toString()).toBe('sealed before rotation');
    expect(openSealedBuffer(after, ring).toString()).toBe('sealed after rotation');
    // A fresh process (a restart) reads both as well.
    expect(openSealedBuffer(before, fileKeyRing(path)).toString()).toBe('sealed before rotation');
    expect(readKeyFile(path).keys.map((k) => k.id)).toEqual([oldId, newId]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a missing, broken or inconsistent ring with the reason', () => {
    const path = join(dir, 'ring.json');
    expect(() => fileKeyRing(path).current()).toThrow(/cannot be read \(ENOENT\): without it sealed media cannot be opened/);
    writeFileSync(path, '{nope');
    expect(() => readKeyFile(path)).toThrow(/not JSON/);
    writeFileSync(path, JSON.stringify({ version: 1, current: 'b', keys: [{ id: 'a', key: randomBytes(32).toString('base64'), createdAt: 'x' }] }));
    expect(() => readKeyFile(path)).toThrow(/current must name one of the keys/);
    writeFileSync(path, JSON.stringify({ version: 1, current: 'a', keys: [{ id: 'a', key: randomBytes(16).toString('base64'), createdAt: 'x' }] }));
    expect(() => readKeyFile(path)).toThrow(/exactly 32 bytes/);
  });

  it('a ring readable by others is put back to 0600 when loaded', () => {
    const path = join(dir, 'ring.json');
    createKeyFileIfAbsent(path);
    chmodSync(path, 0o644);
    fileKeyRing(path).current();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('media keys from configuration', () => {
  it('by default: a ring file beside the data folder, not in it, made on first use', () => {
    const dataDir = join(dir, 'data');
    const ring = mediaKeyRingFromConfig({ DATA_DIR: dataDir });
    expect(defaultMediaKeyFile(dataDir)).toBe(join(dir, 'data.media-keys.json'));
    expect(existsSync(join(dir, 'data.media-keys.json'))).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
    expect(ring.current().id).toBe(readKeyFile(join(dir, 'data.media-keys.json')).current);
  });

  it('MEDIA_KEY wins for new files; MEDIA_KEY_FILE still opens what older keys sealed', () => {
    const file = join(dir, 'ring.json');
    createKeyFileIfAbsent(file);
    const old = sealBuffer(Buffer.from('old'), fileKeyRing(file));
    const key = randomBytes(32);
    const ring = mediaKeyRingFromConfig({ DATA_DIR: join(dir, 'data'), MEDIA_KEY: key.toString('base64'), MEDIA_KEY_FILE: file });
    expect(ring.current()).toEqual({ id: envKeyId(key), key });
    expect(openSealedBuffer(old, ring).toString()).toBe('old');
    expect(existsSync(join(dir, 'data.media-keys.json'))).toBe(false);
    expect(() => mediaKeyRingFromConfig({ DATA_DIR: dir, MEDIA_KEY: 'c2hvcnQ=' })).toThrow(/exactly 32 bytes/);
  });

  it('an explicit MEDIA_KEY_FILE must exist: it is never made silently in the wrong place', () => {
    expect(() => mediaKeyRingFromConfig({ DATA_DIR: dir, MEDIA_KEY_FILE: join(dir, 'missing.json') })).toThrow(/cannot be read/);
  });
});
