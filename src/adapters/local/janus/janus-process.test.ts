import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newJanusCredentials } from './janus-credentials';
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
  const janus = await startJanus({ dataDir: dir, credentials: newJanusCredentials() });
  try {
    // Janus listens on a Unix socket in a folder only this user can enter, and on no TCP port.
    expect(janus.wsUrl).toMatch(/^ws\+unix:\/.+\/ws\.sock:\/$/);
    const socketDir = janus.wsUrl.slice('ws+unix:'.length, -'/ws.sock:/'.length);
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(execFileSync('ss', ['-Hltnp'], { encoding: 'utf8' })).not.toContain(`pid=${janus.pid},`);
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
  await expect(startJanus({ dataDir: dir, binary: '/nonexistent/janus', credentials: newJanusCredentials() })).rejects.toThrow(/Cannot run Janus|exited/);
});
