import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How an outbound event is signed (docs/outbound-events.md): HMAC-SHA256 with the endpoint's
 * secret over `<unix seconds>.<raw body>`, sent as `t=<seconds>,v1=<hex>`. The timestamp is inside
 * the MAC, so a captured request cannot be replayed later with a fresh one; a receiver refuses
 * timestamps outside its tolerance. During a secret rotation several `v1` values ride along.
 */
export const SIGNATURE_HEADER = 'X-Video-Escalation-Signature';
/** The idempotency key: the event's id, the same on every attempt. */
export const EVENT_ID_HEADER = 'X-Video-Escalation-Event-Id';
export const EVENT_TYPE_HEADER = 'X-Video-Escalation-Event-Type';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const mac = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/** The header value for `body` at `now`, one `v1` per secret (the current one first). */
export function signatureHeader(secrets: readonly string[], body: string, now: Date): string {
  if (secrets.length === 0) throw new Error('signatureHeader: no secret');
  const t = Math.floor(now.getTime() / 1000);
  return [`t=${t}`, ...secrets.map((s) => `v1=${mac(s, t, body)}`)].join(',');
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** Reads `t=…,v1=…[,v1=…]`; unknown schemes are ignored so a later `v2` does not break old receivers. */
export function parseSignatureHeader(header: string): { timestamp: number; v1: string[] } | null {
  let timestamp: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) v1.push(value.toLowerCase());
  }
  return timestamp === null || v1.length === 0 ? null : { timestamp, v1 };
}

/**
 * Whether `header` signs `rawBody` (the bytes as received, before any JSON parsing) with one of
 * `secrets`, within `toleranceSeconds` of `now` either way. Compares in constant time.
 */
export function verifySignature(
  header: string | undefined,
  rawBody: string,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  for (const secret of secrets) {
    const expected = Buffer.from(mac(secret, parsed.timestamp, rawBody), 'hex');
    if (parsed.v1.some((sig) => timingSafeEqual(expected, Buffer.from(sig, 'hex')))) return { ok: true, timestamp: parsed.timestamp };
  }
  return { ok: false, reason: 'mismatch' };
}
