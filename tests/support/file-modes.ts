import { lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const entries = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return []; // gone meanwhile
  }
};

/**
 * Everything under `dir` (itself included) whose mode is not private: folders must be 0700,
 * regular files 0600, anything else (Janus's sockets) without group or other bits.
 * Returns `path mode` lines, empty when all is private.
 */
export function nonPrivateModes(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return; // gone meanwhile (a running stack renames temp files)
    const mode = st.mode & 0o777;
    const ok = st.isDirectory() ? mode === 0o700 : st.isFile() ? mode === 0o600 : (mode & 0o077) === 0;
    if (!ok) out.push(`${relative(dir, path) || '.'} ${mode.toString(8)}`);
    if (st.isDirectory()) for (const name of entries(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
}

/** How many regular files are under `dir` (so "none wrong" is not "none seen"). */
export function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}
