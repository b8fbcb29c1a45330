import type { FakeTwilioState } from './state';

/** Form or query parameters; a repeated key (twilio-node sends arrays as `K=a&K=b`) becomes an array. */
export type Params = Record<string, string | string[]>;

/** One request as the fake received it. `host` is the Twilio host it was meant for. */
export interface RecordedRequest {
  method: string;
  host: string;
  /** Path without the query, as sent (e.g. `/v1/Rooms/RM…/Participants/customer:abc`). */
  path: string;
  query: Params;
  /** Parsed `application/x-www-form-urlencoded` body. */
  form: Params;
  /** Parsed JSON body (the IAM token check sends JSON). */
  json?: unknown;
  /** Lower-cased request headers, without `authorization`. */
  headers: Record<string, string>;
  auth: { present: boolean; username?: string };
  /** Status the fake answered with. */
  status?: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers; answered with Twilio's error body. */
export class TwilioHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const twilioErrorBody = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

export const notFound = (path: string) => new TwilioHttpError(404, 20404, `The requested resource ${path} was not found`);
export const badRequest = (code: number, message: string) => new TwilioHttpError(400, code, message);

export const one = (params: Params, key: string): string | undefined => {
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
};
export const many = (params: Params, key: string): string[] => {
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
export const required = (params: Params, key: string): string => {
  const v = one(params, key);
  if (v === undefined || v === '') throw badRequest(20001, `Missing required parameter ${key} in the post body`);
  return v;
};
export const bool = (params: Params, key: string, fallback: boolean): boolean => {
  const v = one(params, key);
  return v === undefined ? fallback : v === 'true';
};
export const int = (params: Params, key: string, fallback: number): number => {
  const v = one(params, key);
  return v === undefined ? fallback : Number(v);
};

export interface RouteContext {
  state: FakeTwilioState;
  /** http://127.0.0.1:PORT of the fake itself (media downloads are served there). */
  baseUrl: string;
}

/** `path` is matched against the request path; its groups are handed to `handle` (URI-decoded). */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  host: string;
  path: RegExp;
  handle(req: RecordedRequest, groups: string[], ctx: RouteContext): Reply;
}
