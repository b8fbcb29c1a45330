/** JSON over HTTP for the local pages, with the bearer token and the product's error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface Http {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  readonly headers: Record<string, string>;
}

export function http(token: string | null, fetchImpl: typeof fetch = (...a) => fetch(...a)): Http {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetchImpl(path, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new HttpError(0, 'network', 'Could not reach the local server.');
    }
    const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!res.ok) throw new HttpError(res.status, data?.error?.code ?? 'server_error', data?.error?.message ?? `HTTP ${res.status}`);
    return data as T;
  };
  return { headers, get: (p) => send('GET', p), post: (p, b) => send('POST', p, b) };
}
