import { spawn } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import type { MediaKeyRing } from '../crypto/key-ring';
import { isSealedFile, openStoredFile } from '../crypto/stored-files';
import { mediaDuration } from './probe';

/**
 * The duration of a stored video, sealed or not. A sealed one is decrypted into ffprobe's stdin,
 * never onto disk; the composer writes `+faststart` MP4s, whose index comes first, so ffprobe
 * needs no seeking.
 */
export async function storedMediaDuration(path: string, keys: MediaKeyRing, ffprobe = 'ffprobe'): Promise<number> {
  if (!(await isSealedFile(path))) return mediaDuration(path, ffprobe);
  const file = await openStoredFile(path, keys);
  try {
    const child = spawn(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', '-i', 'pipe:0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    // ffprobe stops reading once it knows: the rest of the pipe is not needed (EPIPE is expected).
    const fed = file.size > 0 ? pipeline(file.stream(0, file.size - 1), child.stdin).catch(() => undefined) : (child.stdin.end(), Promise.resolve());
    const code = await exited;
    await fed;
    const d = Number.parseFloat(stdout.trim());
    if (code !== 0 || !Number.isFinite(d) || d <= 0) throw new Error(`${ffprobe} could not tell the duration of ${path}: ${stderr.trim().slice(-300)}`);
    return d;
  } finally {
    await file.close();
  }
}
