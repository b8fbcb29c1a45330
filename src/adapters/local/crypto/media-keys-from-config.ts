import { resolve } from 'node:path';
import type { Config } from '../../../config';
import { createKeyFileIfAbsent, fileKeyRing } from './key-file';
import { envKeyId, keyFromBase64, layeredKeyRing, staticKeyRing, type MediaKeyRing } from './key-ring';

/**
 * Where the local stack keeps the key ring when neither MEDIA_KEY nor MEDIA_KEY_FILE is set:
 * beside the data folder, never in it, so copying or backing up the data folder does not copy
 * the key (`.data` → `.data.media-keys.json`).
 */
export const defaultMediaKeyFile = (dataDir: string): string => `${resolve(dataDir)}.media-keys.json`;

/** The key file this configuration uses (MEDIA_KEY_FILE, else the default beside DATA_DIR). */
export const mediaKeyFileOf = (config: Pick<Config, 'DATA_DIR'> & Partial<Pick<Config, 'MEDIA_KEY_FILE'>>): string =>
  config.MEDIA_KEY_FILE ? resolve(config.MEDIA_KEY_FILE) : defaultMediaKeyFile(config.DATA_DIR);

/**
 * The media key ring of a configuration. MEDIA_KEY (base64 of 32 bytes) wins for new files; the
 * key file still opens older files when MEDIA_KEY_FILE is set too. Otherwise MEDIA_KEY_FILE, or
 * the default file beside the data folder, made on first use.
 */
export function mediaKeyRingFromConfig(config: Pick<Config, 'DATA_DIR'> & Partial<Pick<Config, 'MEDIA_KEY' | 'MEDIA_KEY_FILE'>>): MediaKeyRing {
  if (config.MEDIA_KEY) {
    const key = keyFromBase64(config.MEDIA_KEY);
    const env = staticKeyRing([{ id: envKeyId(key), key }], envKeyId(key));
    return config.MEDIA_KEY_FILE ? layeredKeyRing(env, fileKeyRing(resolve(config.MEDIA_KEY_FILE))) : env;
  }
  const path = mediaKeyFileOf(config);
  if (!config.MEDIA_KEY_FILE) createKeyFileIfAbsent(path);
  const ring = fileKeyRing(path);
  ring.current(); // fail at start, not at the first recording
  return ring;
}
