import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../../../logger';

/** What Janus calls a track it is still writing (`recordings_tmp_ext = "tmp"` in janus-config.ts). */
const INTERRUPTED = '.mjr.tmp';

/**
 * Janus renames `x.mjr.tmp` to `x.mjr` only when a recorder closes cleanly. A killed Janus (or a
 * recorder that never closed) leaves the `.tmp` behind with every packet written so far, and
 * janus-pp-rec converts such a truncated file up to its last whole packet. So once the room has
 * ended and waiting is over, each leftover is renamed the way Janus would have, and processed like
 * any other track. Returns the folder's names as they now are.
 */
export async function salvageInterruptedRecordings(dir: string, names: readonly string[]): Promise<string[]> {
  const out = new Set(names);
  for (const name of names) {
    if (!name.endsWith(INTERRUPTED)) continue;
    const whole = name.slice(0, -'.tmp'.length);
    // A closed copy already there wins: Janus finished that one after all.
    if (out.has(whole)) continue;
    await rename(join(dir, name), join(dir, whole));
    out.delete(name);
    out.add(whole);
    logger.warn({ file: join(dir, whole) }, 'salvaged a track recording that was never closed (crash or kill)');
  }
  return [...out];
}
