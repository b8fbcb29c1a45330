/**
 * Room tokens of silent monitors carry a prefix that ordinary tokens (base64url) can never start
 * with, so the browser proxy can tell a monitor's join from anyone else's without a database
 * look-up, and refuse to let it publish. The token is still one from the room's allowed list:
 * the prefix grants nothing, it only takes away.
 */
const MONITOR_TOKEN_PREFIX = 'monitor.';

export const monitorToken = (secret: string): string => `${MONITOR_TOKEN_PREFIX}${secret}`;

export const isMonitorToken = (token: unknown): boolean => typeof token === 'string' && token.startsWith(MONITOR_TOKEN_PREFIX);
