import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { openLogFile } from '../log-file';

export interface FunctionsServer {
  url: URL;
  pid: number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

function answers(url: URL): Promise<boolean> {
  return new Promise((done) => {
    const req = request(url, { method: 'GET', timeout: 500 }, (res) => {
      res.resume();
      done(true);
    });
    req.on('error', () => done(false));
    req.on('timeout', () => {
      req.destroy();
      done(false);
    });
    req.end();
  });
}

/**
 * Serves the bundled Functions and Assets with twilio-run on 127.0.0.1, in-process and cached
 * (`--no-fork-process --no-live`) like a warm Functions container.
 */
export async function startFunctionsServer(options: {
  root: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
}): Promise<FunctionsServer> {
  const bin = join(options.root, 'node_modules/twilio-run/bin/twilio-run.js');
  const args = [
    '--require', join(options.root, 'scripts/listen-loopback.cjs'),
    '--require', join(options.root, 'scripts/twilio-run-request-headers.cjs'),
    '--require', join(options.root, 'scripts/twilio-run-request-guards.cjs'),
    '--require', join(options.root, 'scripts/twilio-run-time-limit.cjs'),
    bin, 'start',
    '--port', String(options.port),
    '--functions-folder', 'build/functions',
    '--assets-folder', 'build/assets',
    '--no-fork-process', '--no-live', '--load-local-env', '--log-level', 'error',
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    env: {
      ...process.env,
      ...options.env,
      // twilio-run wants an account; nothing here talks to Twilio in local mode.
      ACCOUNT_SID: options.env.ACCOUNT_SID ?? process.env.ACCOUNT_SID ?? `AC${'0'.repeat(32)}`,
      AUTH_TOKEN: options.env.AUTH_TOKEN ?? process.env.AUTH_TOKEN ?? 'local-mode-has-no-auth-token',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  // Read always, written while the file takes it: a full disk drops lines, never blocks twilio-run.
  const log = openLogFile(options.logFile);
  child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = new URL(`http://127.0.0.1:${options.port}`);

  const deadline = Date.now() + 20_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null) throw new Error(`twilio-run exited (code ${child.exitCode}); see ${options.logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`twilio-run did not answer on ${url} within 20 s; see ${options.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
      await log.end();
    },
  };
}
