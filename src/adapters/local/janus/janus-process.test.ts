import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJanus } from './janus-process';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'janus-proc-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('runs our own Janus on 127.0.0.1 and stop() ends it', async () => {
  const janus = await startJanus({ dataDir: dir });
  try {
    expect(janus.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(alive(janus.pid)).toBe(true);
    // Loaded from our folder, with the shim preloaded.
    expect(readFileSync(`/proc/${janus.pid}/environ`, 'utf8')).toMatch(/LD_PRELOAD=[^\0]*libnoloopback\.so/);
  } finally {
    await janus.stop();
  }
  expect(alive(janus.pid)).toBe(false);
  await janus.stop(); // twice is fine
  const log = readFileSync(janus.logFile, 'utf8');
  expect(log).toContain("Loading plugin 'libjanus_videoroom.so'");
  expect(log).not.toContain("Loading plugin 'libjanus_echotest.so'");
});

test('a missing binary fails clearly', async () => {
  await expect(startJanus({ dataDir: dir, binary: '/nonexistent/janus' })).rejects.toThrow(/Cannot run Janus|exited/);
});
