import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restrictTree } from './private-files';

describe('restrictTree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'private-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('brings an older data folder to 0700 folders and 0600 files, and leaves link targets alone', async () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'compositions', 'RE1'), { recursive: true, mode: 0o755 });
    writeFileSync(join(data, 'compositions', 'RE1', 'video.mp4'), 'x', { mode: 0o644 });
    writeFileSync(join(data, 'db.sqlite'), 'x', { mode: 0o666 });
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'x', { mode: 0o644 });
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(data, 'link'));
    // chmod, not the create modes: another test file in this jest worker may have set the umask to 077.
    chmodSync(data, 0o755);
    chmodSync(join(data, 'compositions'), 0o755);
    chmodSync(join(data, 'compositions', 'RE1'), 0o755);
    chmodSync(join(data, 'compositions', 'RE1', 'video.mp4'), 0o644);
    chmodSync(join(data, 'db.sqlite'), 0o666);

    expect(await restrictTree(data)).toBe(5);
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect([data, join(data, 'compositions'), join(data, 'compositions', 'RE1')].map(mode)).toEqual([0o700, 0o700, 0o700]);
    expect([join(data, 'compositions', 'RE1', 'video.mp4'), join(data, 'db.sqlite')].map(mode)).toEqual([0o600, 0o600]);
    expect(mode(outside)).toBe(0o644);
    expect(await restrictTree(data)).toBe(0);
  });
});
