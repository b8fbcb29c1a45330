import { requestJson } from '../../../../client/request-json';

/** JSON over HTTP for the local pages, with the bearer token (errors are ApiErrors). */
export interface Http {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  readonly headers: Record<string, string>;
}

export function http(token: string | null, fetchImpl?: typeof fetch): Http {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return {
    headers,
    get: (path) => requestJson(path, { method: 'GET', headers }, fetchImpl),
    post: (path, body) => requestJson(path, { method: 'POST', body, headers }, fetchImpl),
  };
}
