import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  linkSigningSecret: string;
  localAgentSecret: string;
}

const KEYS = { linkSigningSecret: 'LINK_SIGNING_SECRET', localAgentSecret: 'LOCAL_AGENT_SECRET' } as const;

/**
 * The local stack's signing keys, made once per data folder so links and sign-ins survive a
 * restart. Environment variables win when set, and are never copied into the file: the file holds
 * only keys this stack generated itself.
 */
export function loadOrCreateSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): LocalSecrets {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'secrets.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  const generated: Partial<LocalSecrets> = {};
  const secrets = {} as LocalSecrets;
  for (const [key, envName] of Object.entries(KEYS) as [keyof LocalSecrets, string][]) {
    const fromEnv = env[envName];
    if (fromEnv) secrets[key] = fromEnv;
    else secrets[key] = generated[key] = saved[key] || randomBytes(32).toString('base64url');
  }
  writeAtomically(file, JSON.stringify(generated, null, 2));
  return secrets;
}

/**
 * Temp file, then rename: a crash mid-write leaves the old file or the new one, never half of
 * either. 0600 on every write (the mode option applies only when a file is created).
 */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
