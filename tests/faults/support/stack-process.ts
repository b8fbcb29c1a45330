import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../../support/test-stack';

export interface StackProcess {
  url: string;
  agentUrl: string;
  customerChatUrl: string;
  pid: number;
  /** Everything `npm start` started (the stack, Janus, twilio-run) dies at once, as in a power cut. */
  killHard(): Promise<void>;
  /** Ctrl-C: the stack's own orderly stop. */
  stop(): Promise<void>;
  /** Ctrl-C as a terminal sends it (SIGINT to the whole group); the milliseconds until the stack exited, or null after `withinMs`. */
  interrupt(withinMs: number): Promise<number | null>;
  /** What the stack printed so far. */
  output(): string;
}

/**
 * The local stack the way `npm start` runs it (scripts/start-local.ts, after setup), as its own
 * process group, so a test can kill it — and Janus and twilio-run with it — with SIGKILL.
 */
export async function startStackProcess(o: { dataDir: string; port: number; env?: Record<string, string> }): Promise<StackProcess> {
  const child: ChildProcess = spawn(`${ROOT}/node_modules/.bin/tsx`, ['scripts/start-local.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(o.port), DATA_DIR: o.dataDir, LOG_LEVEL: 'warn', ...o.env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));

  const deadline = Date.now() + 60_000;
  while (!/Customer chat:\s+\S+/.test(output)) {
    if (child.exitCode !== null) throw new Error(`npm start's stack exited (code ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      process.kill(-(child.pid as number), 'SIGKILL');
      throw new Error(`npm start's stack did not come up in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const agentUrl = /Agent console:\s+(\S+)/.exec(output)?.[1] as string;
  const customerChatUrl = /Customer chat:\s+(\S+)/.exec(output)?.[1] as string;
  const group = -(child.pid as number);
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(group, s);
    } catch {
      /* already gone */
    }
  };
  return {
    url: new URL(agentUrl).origin,
    agentUrl,
    customerChatUrl,
    pid: child.pid as number,
    async killHard() {
      signal('SIGKILL');
      await exited;
    },
    async interrupt(withinMs) {
      const t0 = Date.now();
      signal('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      const gone = await Promise.race([exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), withinMs)))]);
      clearTimeout(timer);
      return gone ? Date.now() - t0 : null;
    },
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
