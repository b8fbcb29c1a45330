import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OUTBOUND_EVENT_TYPES, type OutboundEventType } from '../../domain/outbound-events';
import type { OutboundEndpoint } from '../../ports/outbound-store';

/** Endpoint secrets are HMAC keys: long enough that guessing one is hopeless. */
export const ENDPOINT_SECRET_MIN = 32;
export const ENDPOINT_SECRET_MAX = 256;
export const ENDPOINT_URL_MAX = 2048;
export const ENDPOINT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why an endpoint URL is refused, or null when it is fine: https only (the body is facts about a
 * customer's ticket), except plain http to this machine when `allowLocalHttp` (local mode). No
 * credentials in the URL: they would travel in every log line that names it.
 */
export function endpointUrlProblem(raw: string, allowLocalHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowLocalHttp && LOCAL_HOSTS.has(url.hostname)) return null;
  return allowLocalHttp ? 'must be https (or http to 127.0.0.1 or localhost)' : 'must be https';
}

export const endpointTypesSchema = z.union([z.literal('all'), z.array(z.enum(OUTBOUND_EVENT_TYPES)).min(1).max(OUTBOUND_EVENT_TYPES.length)]);
export const endpointSecretSchema = z.string().min(ENDPOINT_SECRET_MIN).max(ENDPOINT_SECRET_MAX);

/** One endpoint as an operator writes it (OUTBOUND_WEBHOOKS) or an admin sends it. */
export function endpointSchema(allowLocalHttp: boolean) {
  return z.object({
    id: z.string().regex(ENDPOINT_ID_PATTERN, 'must be 1–64 letters, digits, _ or -'),
    url: z
      .string()
      .max(ENDPOINT_URL_MAX)
      .superRefine((url, ctx) => {
        const problem = endpointUrlProblem(url, allowLocalHttp);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      }),
    secret: endpointSecretSchema,
    previousSecret: endpointSecretSchema.optional(),
    types: endpointTypesSchema.default('all'),
    enabled: z.boolean().default(true),
  });
}

/**
 * The endpoints of OUTBOUND_WEBHOOKS, a JSON array: `[{"id":"crm","url":"https://…","secret":"…",
 * "types":["call.ended"]}]` (`types` defaults to all, `enabled` to true). Throws on a bad value,
 * naming the field but never echoing the text, which holds secrets.
 */
export function parseOutboundWebhooks(raw: string | undefined, allowLocalHttp: boolean): OutboundEndpoint[] {
  if (raw === undefined || raw.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('OUTBOUND_WEBHOOKS is not valid JSON (expected an array of endpoints)');
  }
  const parsed = z.array(endpointSchema(allowLocalHttp)).max(50).safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`OUTBOUND_WEBHOOKS is invalid: ${problems}`);
  }
  const ids = parsed.data.map((e) => e.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new Error(`OUTBOUND_WEBHOOKS is invalid: the id ${repeated} is used twice`);
  return parsed.data;
}

export const endpointWants = (endpoint: OutboundEndpoint, type: OutboundEventType): boolean =>
  endpoint.enabled && (endpoint.types === 'all' || endpoint.types.includes(type));

/** The secrets a delivery is signed with: the current one first, then the one being rotated out. */
export const signingSecrets = (endpoint: OutboundEndpoint): string[] =>
  endpoint.previousSecret ? [endpoint.secret, endpoint.previousSecret] : [endpoint.secret];

/** What an admin sees instead of a secret: enough to tell two apart, nothing to sign with. */
export const secretFingerprint = (secret: string): string => `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 12)}`;
