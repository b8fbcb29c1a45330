/** A refusal a page can explain: `code` is the server's stable error code, or `network`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * JSON over HTTP for every page: sends `body` as JSON and turns the product's error shape
 * `{ error: { code, message } }` (or no answer at all) into an ApiError.
 */
export async function requestJson<T>(
  url: string,
  init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: init.method,
      headers: { ...init.headers, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError('network', 'Could not reach the server. Check your connection and try again.', 0);
  }
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    throw new ApiError(data?.error?.code ?? 'server_error', data?.error?.message ?? `The server answered ${res.status}.`, res.status);
  }
  return data as T;
}
