import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

export interface ExecResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool without a shell (arguments are never parsed), kills it after `timeoutMs`, and
 * rejects with the tail of its stderr so a failed step's reason says what went wrong. `niceness`
 * (1–19) lowers its CPU priority, for work that must not slow what a user waits for.
 */
export function execTool(cmd: string, args: readonly string[], options: { timeoutMs?: number; niceness?: number } = {}): Promise<ExecResult> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (options.niceness && child.pid !== undefined) {
      try {
        setPriority(child.pid, options.niceness);
      } catch {
        // Best effort: the tool still runs, at the normal priority.
      }
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let errBytes = 0;
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      // ffmpeg is chatty: keep only the last ~64 KiB of stderr.
      err.push(b);
      errBytes += b.length;
      while (errBytes > 65_536 && err.length > 1) errBytes -= (err.shift() as Buffer).length;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} could not start: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) return resolve({ stdout, stderr });
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (timeout?)' : ''}` : `exit ${code}`;
      reject(new Error(`${cmd} failed (${why}): ${tail}`));
    });
  });
}
