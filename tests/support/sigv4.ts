import { createHash, createHmac } from 'node:crypto';

/**
 * Checks an AWS Signature Version 4 presigned URL (query-string authentication, S3): written from
 * AWS's "Authenticating Requests: Using Query Parameters" page, independently of the SDK that
 * signs, so a test can tell a URL S3 would accept from one it would refuse. Signed headers other
 * than `host` are not supported (a presigned GET signs `host` only).
 */
export type PresignCheck = { ok: true; key: string; accessKeyId: string } | { ok: false; why: string };

const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256 = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

export function checkPresignedUrl(rawUrl: string, o: { method?: string; secretAccessKey: string; now: Date }): PresignCheck {
  const url = new URL(rawUrl);
  const q = url.searchParams;
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return { ok: false, why: 'not AWS4-HMAC-SHA256' };
  const [accessKeyId, day, region, service, terminator] = (q.get('X-Amz-Credential') ?? '').split('/');
  if (terminator !== 'aws4_request' || service !== 's3') return { ok: false, why: 'malformed credential scope' };
  const amzDate = q.get('X-Amz-Date') ?? '';
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m || !amzDate.startsWith(day)) return { ok: false, why: 'malformed X-Amz-Date' };
  if ((q.get('X-Amz-SignedHeaders') ?? '') !== 'host') return { ok: false, why: 'only host may be signed' };
  const signedAt = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const expires = Number(q.get('X-Amz-Expires'));
  if (!(expires >= 1 && expires <= 604_800)) return { ok: false, why: 'X-Amz-Expires out of range' };
  if (o.now.getTime() > signedAt + expires * 1000) return { ok: false, why: 'expired' };
  const query = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  // The path as sent (already percent-encoded by the client), S3 style: no double encoding.
  const canonical = [o.method ?? 'GET', url.pathname, query, `host:${url.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secretAccessKey}`, day), region), 's3'), 'aws4_request');
  const want = hmac(key, toSign).toString('hex');
  if (want !== q.get('X-Amz-Signature')) return { ok: false, why: 'signature does not match' };
  return { ok: true, key: decodeURIComponent(url.pathname), accessKeyId };
}
