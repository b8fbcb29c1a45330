import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files the process (and the children it spawns: Janus, twilio-run, ffmpeg, janus-pp-rec) creates
 * from here on are 0600 and folders 0700, whatever mode each creator asks for: recordings are
 * personal data. Not settable in worker threads; explicit modes at each write cover those.
 */
export function usePrivateUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // A worker thread: the explicit modes still apply.
  }
}

/**
 * Brings a folder tree to 0700 folders and 0600 files (sockets and the like lose their group and
 * other bits): data written by an older version, or by hand, before the umask above. Symbolic
 * links are not followed.
 */
export async function restrictTree(dir: string): Promise<number> {
  let changed = 0;
  const visit = async (path: string): Promise<void> => {
    const st = await lstat(path).catch(() => null);
    if (!st || st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : st.isFile() ? 0o600 : st.mode & 0o700;
    if ((st.mode & 0o777) !== want) {
      await chmod(path, want).catch(() => undefined); // gone meanwhile
      changed++;
    }
    if (st.isDirectory()) for (const name of await readdir(path).catch(() => [] as string[])) await visit(join(path, name));
  };
  await visit(dir);
  return changed;
}
