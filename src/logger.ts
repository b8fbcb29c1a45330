import pino from 'pino';

/**
 * One logger for every process. Credentials are redacted wherever they appear in a logged object,
 * so a token never reaches a log line even when a whole request body is logged by mistake.
 */
export const REDACTED_KEYS = ['Token', 'token', 'linkToken', 'authorization', 'Authorization', 'secret', 'cookie', 'password'];

/**
 * Standard output, asynchronously. A log that cannot be written (a full disk behind a redirect, a
 * closed pipe) is dropped, never thrown: losing log lines must not take the service down. At most
 * 16 MB waits for a slow reader; past that, lines are dropped too.
 */
export function logDestination(fd = 1): pino.DestinationStream {
  const destination = pino.destination({ dest: fd, sync: false, maxLength: 16 * 1024 * 1024 });
  destination.once('error', () => {
    // As pino itself does for a closed pipe: from now on every line is dropped, and flushing at
    // exit has nothing left to retry (which would keep the process from exiting).
    const drop = () => undefined;
    Object.assign(destination, { write: () => true, end: drop, flush: drop, flushSync: drop, destroy: drop });
    destination.on('error', drop);
  });
  return destination;
}

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    redact: {
      paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`), ...REDACTED_KEYS.map((k) => `*.*.${k}`)],
      censor: '[redacted]',
    },
  },
  logDestination(),
);
