// `npm run media-key:rotate` (or `tsx scripts/media-key.ts rotate|show|init`): the local media key ring.
// rotate: adds a fresh key and makes it current; older keys stay, so older files keep opening.
// show: the ring's file, key ids and which is current (never the keys themselves).
// init: makes a new ring where none is (after a loss: what the old keys sealed stays unreadable).
import { resolve } from 'node:path';
import { createKeyFileIfAbsent, readKeyFile, rotateKeyFile } from '../src/adapters/local/crypto/key-file';
import { mediaKeyFileOf } from '../src/adapters/local/crypto/media-keys-from-config';

function keyFile(): string {
  const root = resolve(__dirname, '..');
  const dataDir = process.env.DATA_DIR || resolve(root, '.data');
  return mediaKeyFileOf({ DATA_DIR: dataDir, MEDIA_KEY_FILE: process.env.MEDIA_KEY_FILE || undefined });
}

function main(command: string | undefined): void {
  if (process.env.MEDIA_KEY) {
    throw new Error('MEDIA_KEY is set: that key is current whatever the file says. Rotate by moving to a key file (MEDIA_KEY_FILE), or by setting a new MEDIA_KEY with the old key kept in MEDIA_KEY_FILE.');
  }
  const path = keyFile();
  if (command === 'rotate') {
    const id = rotateKeyFile(path);
    console.log(`media-key: ${path}: new current key ${id}; new files use it, older files keep opening with their own keys.`);
    console.log('media-key: back up the key file again now (it holds every key).');
    return;
  }
  if (command === 'init') {
    if (!createKeyFileIfAbsent(path)) throw new Error(`${path} exists already: rotate it instead`);
    console.log(`media-key: ${path}: a new key ring. Recordings sealed with a lost ring stay unreadable.`);
    return;
  }
  if (command === 'show') {
    const file = readKeyFile(path);
    console.log(`media-key: ${path}`);
    for (const k of file.keys) console.log(`  ${k.id === file.current ? '*' : ' '} ${k.id}  created ${k.createdAt}`);
    return;
  }
  throw new Error('usage: media-key.ts rotate | show | init   (MEDIA_KEY_FILE, or DATA_DIR for the default ring beside the data folder)');
}

try {
  main(process.argv[2]);
} catch (e) {
  console.error(`media-key: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
