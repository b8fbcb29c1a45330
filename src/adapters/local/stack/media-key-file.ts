import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKeyFileIfAbsent } from '../crypto/key-file';
import { mediaKeyFileOf } from '../crypto/media-keys-from-config';
import { isSealedFileSync } from '../crypto/stored-files';

/** A few of the data folder's recordings, enough to tell whether anything was ever sealed. */
function holdsSealedMedia(dataDir: string): boolean {
  const compositions = join(dataDir, 'compositions');
  if (!existsSync(compositions)) return false;
  for (const id of readdirSync(compositions).slice(0, 50)) {
    for (const name of ['captions.vtt', 'transcript.json', 'video.mp4', 'work/manifest.json']) {
      if (isSealedFileSync(join(compositions, id, name))) return true;
    }
  }
  return false;
}

/**
 * The key ring file every process of the stack uses: MEDIA_KEY_FILE, or one made beside the data
 * folder on first start (outside it, so a copy of the data folder is not a copy of its key).
 * None with MEDIA_KEY, which the children inherit from the environment. A data folder that holds
 * sealed media but whose default ring is gone is refused: a fresh key would hide the loss until
 * someone presses play.
 */
export function stackMediaKeyFile(dataDir: string, env: Record<string, string | undefined>): string | null {
  if (env.MEDIA_KEY) return env.MEDIA_KEY_FILE ? resolve(env.MEDIA_KEY_FILE) : null;
  const path = mediaKeyFileOf({ DATA_DIR: dataDir, MEDIA_KEY_FILE: env.MEDIA_KEY_FILE || undefined });
  if (env.MEDIA_KEY_FILE || existsSync(path)) return path;
  if (holdsSealedMedia(dataDir)) {
    throw new Error(
      `the media key ring ${path} is missing, but ${dataDir} holds sealed recordings: restore the key file from its backup ` +
        `(or point MEDIA_KEY_FILE at it). To go on without those recordings, create a new ring on purpose: npm run media-key:init`,
    );
  }
  createKeyFileIfAbsent(path);
  return path;
}
