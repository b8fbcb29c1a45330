import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import type { z } from 'zod';
import type { Config } from '../../../src/config';
import type { Backend } from '../../../src/core/backend';
import { DomainError, errorBody } from '../../../src/domain/errors';
import type { StaffIdentity } from '../../../src/domain/identity';
import { logger } from '../../../src/logger';
import { runtime, wrongMethod, type RawEvent } from './runtime';
import { corsHeaders, staffTokenOf } from './staff-request';

/** Twilio's runtime (and twilio-run) provide `Twilio.Response` as a global (as in runtime.ts). */
declare const Twilio: { Response: new () => TwilioResponse };
interface TwilioResponse {
  setStatusCode(code: number): void;
  setBody(body: unknown): void;
  appendHeader(name: string, value: string): void;
}

/** What a download answers: a file (CSV) sent as an attachment, or JSON. */
export type DownloadAnswer =
  | { kind: 'json'; body: unknown; headers?: Record<string, string> }
  | { kind: 'file'; contentType: string; filename: string; text: string; headers?: Record<string, string> };

export interface DownloadRequest<T> {
  body: T;
  backend: Backend;
  config: Config;
  staff: StaffIdentity;
}

function send(
  callback: ServerlessCallback,
  origin: string | undefined,
  cfg: Config | undefined,
  status: number,
  content: { type: string; body?: unknown },
  extraHeaders: Record<string, string> = {},
): void {
  const response = new Twilio.Response();
  response.setStatusCode(status);
  const headers: Record<string, string> = {
    'Content-Type': content.type,
    'Cache-Control': 'no-store',
    ...extraHeaders,
    // The Flex view reads the next page's cursor and the file name from a CSV answer.
    ...corsHeaders(origin, cfg, 'GET, POST, OPTIONS', 'Content-Disposition, X-Next-Cursor'),
  };
  for (const [name, value] of Object.entries(headers)) response.appendHeader(name, value);
  if (content.body !== undefined) response.setBody(content.body);
  callback(null, response);
}

const JSON_TYPE = 'application/json';

/**
 * jsonFunction's steps (CORS preflight, method, staff token, zod body, every refusal a 4xx JSON
 * error, nothing secret logged) for a Function that may answer a file instead of JSON: the BI
 * exports. Always staff-only; GET is allowed so BI tools can call it with a Bearer header.
 */
export function downloadFunction<S extends z.ZodType>(
  options: { name: string; schema: S; methods?: readonly string[] },
  run: (request: DownloadRequest<z.infer<S>>) => Promise<DownloadAnswer>,
) {
  return async (_context: Context, event: RawEvent, callback: ServerlessCallback): Promise<void> => {
    const origin = event.request?.headers?.origin;
    let cfg: Config | undefined;
    try {
      const rt = await runtime();
      cfg = rt.config;
      if (event.request?.headers?.['access-control-request-method']) return send(callback, origin, cfg, 204, { type: JSON_TYPE });
      const methods = options.methods ?? ['GET', 'POST'];
      if (wrongMethod(event, methods)) {
        const body = errorBody('method_not_allowed', `Use ${methods.join(' or ')} here.`);
        return send(callback, origin, cfg, 405, { type: JSON_TYPE, body }, { Allow: [...methods, 'OPTIONS'].join(', ') });
      }
      const { request: _request, Token: _token, ...fields } = event;
      const parsed = options.schema.safeParse(fields);
      const token = staffTokenOf(event);
      if (!token) throw new DomainError('unauthorized', 'token_missing', 'Sign in first: send a supervisor token as Authorization: Bearer.');
      const staff = await rt.backend.identity.verify(token);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }));
        return send(callback, origin, cfg, 400, { type: JSON_TYPE, body: errorBody('invalid_request', 'The request is malformed.', details) });
      }
      const answer = await run({ body: parsed.data, backend: rt.backend, config: rt.config, staff });
      if (answer.kind === 'json') return send(callback, origin, cfg, 200, { type: JSON_TYPE, body: answer.body }, answer.headers);
      send(callback, origin, cfg, 200, { type: answer.contentType, body: answer.text }, {
        'Content-Disposition': `attachment; filename="${answer.filename.replace(/["\\\r\n]/g, '_')}"`,
        ...answer.headers,
      });
    } catch (e) {
      if (e instanceof DomainError) {
        logger.info({ fn: options.name, code: e.code, status: e.status }, 'request refused');
        return send(callback, origin, cfg, e.status, { type: JSON_TYPE, body: errorBody(e.code, e.message) });
      }
      logger.error({ fn: options.name, err: e }, 'request failed');
      send(callback, origin, cfg, 503, { type: JSON_TYPE, body: errorBody('unavailable', 'The video service is unavailable right now. Please try again.') });
    }
  };
}
