import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  linkSigningSecret: string;
  localAgentSecret: string;
}

/**
 * The local stack's signing keys, made once per data folder (mode 0600) so links and sign-ins
 * survive a restart. Environment variables win when set.
 */
export function loadOrCreateSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): LocalSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  let saved: Partial<LocalSecrets> = {};
  if (existsSync(file)) saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = {
    linkSigningSecret: env.LINK_SIGNING_SECRET || saved.linkSigningSecret || randomBytes(32).toString('base64url'),
    localAgentSecret: env.LOCAL_AGENT_SECRET || saved.localAgentSecret || randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
