import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import { z } from 'zod';
import type { Config } from '../../../src/config';
import { runtime, sendJson, wrongMethod, type RawEvent } from './runtime';
import { corsHeaders, staffTokenOf } from './staff-request';
import { DomainError, errorBody } from '../../../src/domain/errors';
import type { StaffIdentity } from '../../../src/domain/identity';
import type { Backend } from '../../../src/core/backend';
import { logger } from '../../../src/logger';

export interface FunctionRequest<T> {
  body: T;
  backend: Backend;
  config: Config;
  /** The verified caller, for functions declared `auth: 'staff'`. */
  staff: StaffIdentity;
  /** `auth: 'staff-optional'`: the verified caller when a staff token came, else null. */
  maybeStaff: StaffIdentity | null;
  /** The caller's browser, as it says (consent records keep it); '' when absent. */
  userAgent: string;
}

function respond(
  callback: ServerlessCallback,
  origin: string | undefined,
  cfg: Config | undefined,
  status: number,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
) {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...extraHeaders, ...corsHeaders(origin, cfg, 'POST, OPTIONS') };
  sendJson(callback, status, body, headers);
}


/**
 * Wraps a use case as a Twilio Function: validates the body against `schema`, authenticates staff
 * when asked, maps every caller mistake to a 4xx JSON error, and never logs credentials.
 */
export function jsonFunction<S extends z.ZodType>(
  options: { name: string; schema: S; auth: 'staff' | 'staff-optional' | 'none'; methods?: readonly string[] },
  run: (request: FunctionRequest<z.infer<S>>) => Promise<unknown>,
) {
  return async (_context: Context, event: RawEvent, callback: ServerlessCallback): Promise<void> => {
    const origin = event.request?.headers?.origin;
    let cfg: Config | undefined;
    try {
      const rt = await runtime();
      cfg = rt.config;
      if (event.request?.headers?.['access-control-request-method']) return respond(callback, origin, cfg, 204);
      const methods = options.methods ?? ['POST'];
      if (wrongMethod(event, methods)) {
        const allow = [...methods, 'OPTIONS'].join(', ');
        return respond(callback, origin, cfg, 405, errorBody('method_not_allowed', `Use ${methods.join(' or ')} here.`), { Allow: allow });
      }
      const { request: _request, Token: _token, ...fields } = event;
      const parsed = options.schema.safeParse(fields);
      let staff: StaffIdentity = { identity: '', name: '', roles: [] };
      let maybeStaff: StaffIdentity | null = null;
      const token = staffTokenOf(event);
      if (options.auth === 'staff') {
        if (!token) throw new DomainError('unauthorized', 'token_missing', 'Sign in first: this call needs an agent token.');
        staff = await rt.backend.identity.verify(token);
      } else if (options.auth === 'staff-optional' && token) {
        maybeStaff = staff = await rt.backend.identity.verify(token);
      }
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }));
        return respond(callback, origin, cfg, 400, errorBody('invalid_request', 'The request is malformed.', details));
      }
      const result = await run({ body: parsed.data, backend: rt.backend, config: rt.config, staff, maybeStaff, userAgent: String(event.request?.headers?.['user-agent'] ?? '') });
      respond(callback, origin, cfg, 200, result);
    } catch (e) {
      if (e instanceof DomainError) {
        logger.info({ fn: options.name, code: e.code, status: e.status }, 'request refused');
        return respond(callback, origin, cfg, e.status, errorBody(e.code, e.message));
      }
      logger.error({ fn: options.name, err: e }, 'request failed');
      respond(callback, origin, cfg, 503, errorBody('unavailable', 'The video service is unavailable right now. Please try again.'));
    }
  };
}
