import { createWriteStream } from 'node:fs';

/** An append-only log file that can fail without taking the process with it. */
export interface LogFile {
  /** Appends `chunk`; dropped once the file has failed (disk full, gone) or too much waits to be written. */
  write(chunk: string | Buffer): void;
  /** Flushes and closes; resolves even when the file failed. */
  end(): Promise<void>;
  /** Whether writing failed: what comes after is dropped. */
  readonly failed: boolean;
}

/** At most this much log waits for a slow disk; past it, lines are dropped rather than held in memory. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;

/**
 * Opens `path` for appending (mode 0600). A write error (ENOSPC on a full disk, EIO, a removed
 * directory) degrades the log, never the service: later lines are dropped, and a child process
 * whose output feeds it keeps being read.
 */
export function openLogFile(path: string): LogFile {
  const stream = createWriteStream(path, { flags: 'a', mode: 0o600 });
  let failed = false;
  stream.on('error', () => {
    failed = true; // nowhere left to report it: the log is what failed
  });
  return {
    write(chunk) {
      if (failed || stream.destroyed || stream.writableEnded || stream.writableLength > MAX_PENDING_BYTES) return;
      stream.write(chunk);
    },
    end() {
      return new Promise<void>((resolve) => {
        if (stream.closed || stream.destroyed) return resolve();
        stream.once('close', () => resolve());
        if (!stream.writableEnded) stream.end();
      });
    },
    get failed() {
      return failed;
    },
  };
}
