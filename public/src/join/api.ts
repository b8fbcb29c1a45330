import type { JoinResult, LinkCheck } from '../../../src/core/join';

export type { JoinResult, LinkCheck };

/** A refusal the page can explain: `code` is the server's stable error code (or `network`). */
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

export interface CustomerApi {
  check(linkToken: string): Promise<LinkCheck>;
  join(linkToken: string, takeOver: boolean): Promise<JoinResult>;
}

/** POSTs JSON and turns `{ error: { code, message } }` (or no answer at all) into an ApiError. */
export async function postJson<T>(url: string, body: unknown, fetchImpl: typeof fetch = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('network', 'Could not reach the server. Check your connection and try again.', 0);
  }
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    throw new ApiError(data?.error?.code ?? 'server_error', data?.error?.message ?? `The server answered ${res.status}.`, res.status);
  }
  return data as T;
}

export function httpCustomerApi(base = '', fetchImpl?: typeof fetch): CustomerApi {
  return {
    check: (linkToken) => postJson<LinkCheck>(`${base}/customer-token`, { linkToken, action: 'check' }, fetchImpl),
    join: (linkToken, takeOver) =>
      postJson<JoinResult>(`${base}/customer-token`, { linkToken, action: 'join', takeOver }, fetchImpl),
  };
}
