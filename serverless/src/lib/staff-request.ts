import type { Config } from '../../../src/config';
import type { RawEvent } from './runtime';

/** A staff credential sent the Flex way (`Token` in the body) or as `Authorization: Bearer` (BI tools). */
export function staffTokenOf(event: RawEvent): string | undefined {
  if (typeof event.Token === 'string' && event.Token) return event.Token;
  const header = event.request?.headers?.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/**
 * CORS for a browser origin the configuration allows (the Flex UI), none for any other: the
 * methods the Function takes, and the answer headers a page may read (`expose`).
 */
export function corsHeaders(origin: string | undefined, cfg: Config | undefined, methods: string, expose?: string): Record<string, string> {
  const allowed = (cfg?.CORS_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim());
  if (!origin || !allowed.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Allow-Methods': methods,
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    ...(expose ? { 'Access-Control-Expose-Headers': expose } : {}),
  };
}
