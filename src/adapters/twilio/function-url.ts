/**
 * A Function's public URL: the service's origin + the Function's path + its query. Callbacks are
 * built with it, and webhook signatures are checked against it, so both sides agree to the byte.
 */
export function functionUrl(base: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}
