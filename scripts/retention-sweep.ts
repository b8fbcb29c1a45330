// `npm run retention:sweep` (or `tsx scripts/retention-sweep.ts [--at ISO] [--revisit-all]`): one
// retention sweep over the local data folder (DATA_DIR, default .data), as the stack's timer runs it.
// An operator's tool: safe beside a running stack, and safe to kill (the next sweep resumes what it
// started). Sweeps skip settled closures (nothing left to delete under the policy in force then);
// after changing the policy (say, setting RETENTION_TRANSCRIPT_DAYS), `--revisit-all` reopens them.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { readConfig } from '../src/config';
import { createLocalBackend } from '../src/adapters/local/local-backend';
import { loadOrCreateSecrets } from '../src/adapters/local/stack/secrets';
import { sweepRetention } from '../src/core/privacy/retention-sweep';

async function main(args: string[]): Promise<void> {
  const atIndex = args.indexOf('--at');
  const now = atIndex >= 0 ? new Date(args[atIndex + 1] ?? '') : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('usage: retention-sweep.ts [--at <ISO time>] [--revisit-all]');
  const dataDir = resolve(process.env.DATA_DIR || resolve(__dirname, '..', '.data'));
  const secrets = loadOrCreateSecrets(dataDir);
  // The sweep never reaches Janus (its room control connects lazily): throw-away secrets satisfy
  // the back end's configuration without handing this tool the running stack's.
  const unused = () => randomBytes(24).toString('base64url');
  const config = readConfig({
    JANUS_API_SECRET: unused(),
    JANUS_TOKEN_SECRET: unused(),
    JANUS_ROOM_ADMIN_KEY: unused(),
    ...process.env,
    BACKEND: 'local',
    DATA_DIR: dataDir,
    LINK_SIGNING_SECRET: secrets.linkSigningSecret,
    LOCAL_AGENT_SECRET: secrets.localAgentSecret,
  });
  const backend = await createLocalBackend(config);
  try {
    const reopened = args.includes('--revisit-all') ? await backend.deps.privacy.reopenSettled() : undefined;
    const report = await sweepRetention(backend.deps, now, { paceMs: config.RETENTION_SWEEP_PACE_MS });
    console.log(JSON.stringify({ ...(reopened !== undefined ? { reopened } : {}), retentionSweep: report }));
  } finally {
    await backend.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`retention-sweep: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
