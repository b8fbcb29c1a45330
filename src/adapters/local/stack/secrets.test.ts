import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSecrets } from './secrets';

describe('local secrets file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 've-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = () => join(dir, 'secrets.json');
  const mode = () => statSync(file()).mode & 0o777;

  it('generates keys once, keeps them across restarts, mode 0600, no temp file left', () => {
    const first = loadOrCreateSecrets(dir, {});
    expect(first.linkSigningSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.localAgentSecret).not.toBe(first.linkSigningSecret);
    expect(loadOrCreateSecrets(dir, {})).toEqual(first);
    expect(mode()).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('tightens a file that was left readable by others', () => {
    loadOrCreateSecrets(dir, {});
    chmodSync(file(), 0o644);
    loadOrCreateSecrets(dir, {});
    expect(mode()).toBe(0o600);
  });

  it('uses values from the environment but never writes them to disk', () => {
    const secrets = loadOrCreateSecrets(dir, { LINK_SIGNING_SECRET: 'from-env-link', LOCAL_AGENT_SECRET: 'from-env-agent' });
    expect(secrets).toEqual({ linkSigningSecret: 'from-env-link', localAgentSecret: 'from-env-agent' });
    expect(readFileSync(file(), 'utf8')).not.toMatch(/from-env/);
  });

  it('drops a value an older version copied from the environment, keeping generated ones', () => {
    writeFileSync(file(), JSON.stringify({ linkSigningSecret: 'copied-from-env', localAgentSecret: 'generated' }));
    const secrets = loadOrCreateSecrets(dir, { LINK_SIGNING_SECRET: 'copied-from-env' });
    expect(secrets.localAgentSecret).toBe('generated');
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ localAgentSecret: 'generated' });
  });
});
