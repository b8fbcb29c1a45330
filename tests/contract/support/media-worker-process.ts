import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { freePort } from '../../../src/adapters/local/janus/free-port';
import { ROOT } from '../../support/test-stack';

/**
 * One copy of the media worker as its own process (`node --import tsx scripts/media-worker.ts`,
 * what `npm run worker` runs), on 127.0.0.1, in its own process group so a kill takes its ffmpeg
 * with it, as a container's end would.
 */
export interface MediaWorkerProcess {
  pid: number;
  port: number;
  url: string;
  /** Its WORKER_MEDIA_DIR (scratch files of the transcode in progress are under scratch/). */
  mediaDir: string;
  /** GET /healthz: status and body. */
  health(): Promise<{ status: number; body: any }>;
  /** SIGKILL to the whole group: the worker and whatever ffmpeg it runs, mid-file. */
  kill(): Promise<void>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

const alive = new Set<ChildProcess>();
process.on('exit', () => alive.forEach((c) => c.pid && killGroup(c.pid, 'SIGKILL')));

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

export async function startMediaWorkerProcess(env: Record<string, string>, logFile: string): Promise<MediaWorkerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/media-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, WORKER_HOST: '127.0.0.1', WORKER_PORT: String(port), WORKER_PUBLIC_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  alive.add(child);
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => (alive.delete(child), resolve())));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the media worker did not start within 30 s; see ${logFile}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      out += chunk.toString();
      if (/listening on port \d+/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the media worker exited (code ${code}) before listening; see ${logFile}`));
    });
  });
  const pid = child.pid!;
  return {
    pid,
    port,
    url,
    mediaDir: env.WORKER_MEDIA_DIR ?? '',
    health: async () => {
      const res = await fetch(`${url}/healthz`);
      return { status: res.status, body: await res.json() };
    },
    kill: async () => {
      killGroup(pid, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
