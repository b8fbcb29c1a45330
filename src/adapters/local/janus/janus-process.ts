import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeJanusConfig } from './janus-config';
import type { JanusCredentials } from './janus-credentials';
import { ensureNoLoopbackShim } from './native-shim';
import { makeRedactor } from './redact';
import { openLogFile } from '../log-file';

export interface StartJanusOptions {
  /** Data folder; Janus gets `<dataDir>/janus/` for its config and log. */
  dataDir: string;
  /** RTP/RTCP port range `min-max` (default 20000-40000). */
  rtpPortRange?: string;
  /** API secret, token secret and room admin key (pass the same to JanusRooms): Janus never runs open. */
  credentials: JanusCredentials;
  /** Janus debug level 0-7 (default 4). */
  debugLevel?: number;
  /** Milliseconds to wait for the WebSocket port (default 10 s). */
  readyTimeoutMs?: number;
  /** Janus binary (default `janus` on PATH). */
  binary?: string;
}

export interface RunningJanus {
  /** `ws+unix:<socket>:/` — Janus has no TCP port (janus-config.ts); janode and `ws` speak this form. */
  wsUrl: string;
  pid: number;
  /** Redacted Janus log file. */
  logFile: string;
  /** Stops Janus (SIGTERM, then SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A synchronous last resort: whatever way the parent exits normally, no Janus outlives it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ path });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the project's own Janus in the foreground: a generated config folder (videoroom +
 * websockets only, media and WS on 127.0.0.1), the loopback ICE shim preloaded, and the
 * child tied to this process (PR_SET_PDEATHSIG via the shim, plus an exit hook).
 */
export async function startJanus(options: StartJanusOptions): Promise<RunningJanus> {
  const home = resolve(options.dataDir, 'janus');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const wsUnixPath = unixSocketPath(home);
  const adminSecret = randomBytes(24).toString('base64url');
  const configFile = writeJanusConfig({
    dir: join(home, 'conf'),
    wsUnixPath,
    rtpPortRange: options.rtpPortRange ?? '20000-40000',
    adminSecret,
    ...options.credentials,
    reclaimSessionTimeout: 30,
    debugLevel: options.debugLevel ?? 4,
  });
  const shim = ensureNoLoopbackShim();
  const logFile = join(home, 'janus.log');
  const log = openLogFile(logFile); // a full disk drops log lines, never the call
  const redact = makeRedactor(() => [adminSecret, ...Object.values(options.credentials)]);
  const recent: string[] = [];
  // The port alone could be someone else's: also wait for Janus to say it opened it.
  let wsStarted = false;
  let tail = '';

  const child = spawn(options.binary ?? 'janus', ['-C', configFile, '-F', join(home, 'conf'), '-o'], {
    cwd: home,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LD_PRELOAD: [shim, process.env.LD_PRELOAD].filter(Boolean).join(':'),
      NOLOOPBACK_PARENT_PID: String(process.pid),
    },
  });
  live.add(child);
  installExitHook();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', () => live.delete(child));
  const onOutput = (chunk: Buffer): void => {
    const text = redact(chunk.toString('utf8'));
    log.write(text);
    const seen = tail + text; // a line may straddle two chunks
    if (seen.includes(`Websockets server started (UNIX socket ${wsUnixPath})`)) wsStarted = true;
    tail = seen.slice(-200);
    recent.push(...text.split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 30));
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await log.end();
    }
    await exited;
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  let spawnError: Error | null = null;
  child.once('error', (e) => (spawnError = e));
  for (;;) {
    if (spawnError) {
      live.delete(child);
      void log.end();
      throw new Error(`Cannot run Janus: ${(spawnError as Error).message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`Janus exited during start-up (code ${child.exitCode}); last log lines:\n${recent.join('\n')}`);
    }
    if (wsStarted && (await socketAnswers(wsUnixPath))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Janus did not open ${wsUnixPath} in time; last log lines:\n${recent.join('\n')}`);
    }
    await sleep(50);
  }
  return { wsUrl: `ws+unix:${wsUnixPath}:/`, pid: child.pid ?? -1, logFile, stop };
}

/**
 * Janus's socket, in a folder only this user can enter. Unix socket paths are limited to about
 * 100 bytes: a deep data folder falls back to a private temporary folder.
 */
function unixSocketPath(home: string): string {
  let dir = join(home, 'run');
  if (join(dir, 'ws.sock').length > 100 || dir.includes(':')) dir = mkdtempSync(join(tmpdir(), 'janus-'));
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o700);
  const path = join(dir, 'ws.sock');
  rmSync(path, { force: true }); // left by a Janus that was killed
  return path;
}
