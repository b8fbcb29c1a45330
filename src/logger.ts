import pino from 'pino';

/**
 * One logger for every process. Credentials are redacted wherever they appear in a logged object,
 * so a token never reaches a log line even when a whole request body is logged by mistake.
 */
export const REDACTED_KEYS = ['Token', 'token', 'linkToken', 'authorization', 'Authorization', 'secret', 'cookie', 'password'];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: {
    paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`), ...REDACTED_KEYS.map((k) => `*.*.${k}`)],
    censor: '[redacted]',
  },
});
