import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Walks up from `start` to the folder holding scripts/build-native.sh (the repo root). */
function findRepoRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'scripts', 'build-native.sh'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Path of the loopback ICE shim (.native/libnoloopback.so), built on first use: build-native.sh is a
 * no-op when the library is newer than its source. JANUS_NOLOOPBACK_SHIM overrides the location.
 */
export function ensureNoLoopbackShim(): string {
  const override = process.env.JANUS_NOLOOPBACK_SHIM;
  if (override) {
    if (!existsSync(override)) throw new Error(`JANUS_NOLOOPBACK_SHIM points to a missing file: ${override}`);
    return override;
  }
  const root = findRepoRoot(__dirname) ?? findRepoRoot(process.cwd());
  if (!root) throw new Error('Cannot find scripts/build-native.sh to build the Janus loopback shim');
  execFileSync('bash', [join(root, 'scripts', 'build-native.sh')], { stdio: ['ignore', 'ignore', 'pipe'] });
  return join(root, '.native', 'libnoloopback.so');
}
