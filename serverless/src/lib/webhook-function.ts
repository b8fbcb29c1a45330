import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import twilio from 'twilio';
import { z } from 'zod';
import type { Backend } from '../../../src/core/backend';
import type { Config } from '../../../src/config';
import { DomainError, errorBody } from '../../../src/domain/errors';
import { logger } from '../../../src/logger';
import { functionUrl } from '../../../src/adapters/twilio/function-url';
import { runtime, sendJson as reply, wrongMethod, type RawEvent } from './runtime';

/** One refusal for every webhook whose signature is missing, forged or for another URL. */
export const WEBHOOK_REFUSED_STATUS = 403;

export interface WebhookRequest<T> {
  body: T;
  backend: Backend;
  config: Config;
}

/**
 * `X-Twilio-Signature` over the URL and the form parameters (twilio's own validateRequest). For
 * JSON webhooks Twilio signs the URL with a `bodySHA256` query parameter and no parameters; the
 * runtime hands us no raw body to hash, so such webhooks trust only ids from the body and must
 * confirm the rest by REST (see transcript-status).
 */
function signatureValid(authToken: string | undefined, signature: string | undefined, url: string, params: Record<string, unknown>): boolean {
  if (!authToken || !signature) return false;
  const form = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return twilio.validateRequest(authToken, signature, url, form);
}

/**
 * Wraps one core use case as a Twilio webhook: checks the signature first (nothing changes on a
 * refusal), validates the parameters, maps caller mistakes to 4xx and never logs secrets.
 */
export function webhookFunction<S extends z.ZodType>(
  options: { name: string; path: string; schema: S; queryKeys?: readonly string[] },
  run: (request: WebhookRequest<z.infer<S>>) => Promise<unknown>,
) {
  return async (_context: Context, event: RawEvent, callback: ServerlessCallback): Promise<void> => {
    try {
      // Twilio posts its callbacks.
      if (wrongMethod(event, ['POST'])) return reply(callback, 405, errorBody('method_not_allowed', 'Use POST here.'), { Allow: 'POST' });
      const { backend, config } = await runtime();
      const { request, ...fields } = event;
      // A JSON body is signed through its hash in the URL (`bodySHA256`), not as parameters.
      const json = typeof fields.bodySHA256 === 'string';
      const queryKeys = [...(options.queryKeys ?? []), ...(json ? ['bodySHA256'] : [])];
      const query = Object.fromEntries(queryKeys.filter((k) => typeof fields[k] === 'string').map((k) => [k, String(fields[k])]));
      const params = json ? {} : Object.fromEntries(Object.entries(fields).filter(([k]) => !queryKeys.includes(k)));
      // The URL Twilio signed: our public origin (never the Host header a proxy may have rewritten)
      // + this Function's path + the query keys it expects (the runtime merges query and body).
      const url = functionUrl(config.WEBHOOK_BASE_URL ?? config.PUBLIC_BASE_URL, options.path, query);
      if (!signatureValid(config.AUTH_TOKEN, request?.headers?.['x-twilio-signature'], url, params)) {
        logger.warn({ fn: options.name }, 'webhook refused: bad or missing signature');
        return reply(callback, WEBHOOK_REFUSED_STATUS, errorBody('signature_invalid', 'This request is not signed by Twilio for this URL.'));
      }
      const parsed = options.schema.safeParse(fields);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }));
        return reply(callback, 400, errorBody('invalid_request', 'The webhook is malformed.', details));
      }
      reply(callback, 200, (await run({ body: parsed.data, backend, config })) ?? { ok: true });
    } catch (e) {
      if (e instanceof DomainError) {
        logger.info({ fn: options.name, code: e.code, status: e.status }, 'webhook refused');
        return reply(callback, e.status, errorBody(e.code, e.message));
      }
      logger.error({ fn: options.name, err: e }, 'webhook failed');
      // A 5xx makes Twilio retry where it does; every step is idempotent, so a retry is safe.
      reply(callback, 503, errorBody('unavailable', 'Try again later.'));
    }
  };
}
