import type { IncomingMessage } from 'node:http';
import { HttpRefusal } from './http-helpers';

/**
 * Query keys that would carry a credential. Tokens ride only in headers and bodies: URLs end up in
 * logs, browser history and Referer headers. (scripts/twilio-run-request-headers.cjs applies the
 * same rule to the Functions.)
 */
export const CREDENTIAL_QUERY_KEY = /token|authori[sz]ation|secret|password|jwt|bearer|api[-_]?key/i;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The stack's own names for itself: loopback by address and by name on the port it answers, and its public origin. */
function ownOrigins(req: IncomingMessage, publicBaseUrl: string): { hosts: Set<string>; origins: Set<string> } {
  const port = req.socket.localPort;
  const local = [`127.0.0.1:${port}`, `localhost:${port}`];
  const base = new URL(publicBaseUrl);
  return {
    hosts: new Set([...local, base.host.toLowerCase()]),
    origins: new Set([...local.map((h) => `http://${h}`), base.origin.toLowerCase()]),
  };
}

/** Parses the request target; a target no URL parser accepts (`http://[/`) is the caller's mistake. */
export function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  let url: URL;
  try {
    url = new URL(target, 'http://127.0.0.1');
    decodeURIComponent(url.pathname);
  } catch {
    throw new HttpRefusal(400, 'invalid_path', 'The request path is malformed.');
  }
  return url;
}

/**
 * Refuses what no page of ours sends: a foreign Host (DNS rebinding: another site's name pointing
 * at 127.0.0.1), a state-changing request from another site, and credentials in the query string.
 */
export function guardRequest(req: IncomingMessage, url: URL, publicBaseUrl: string): void {
  const own = ownOrigins(req, publicBaseUrl);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!own.hosts.has(host)) throw new HttpRefusal(421, 'host_not_allowed', 'This server answers only to its own address.');
  if (!SAFE_METHODS.has(req.method ?? 'GET')) {
    const origin = req.headers.origin?.toLowerCase();
    const crossSite = req.headers['sec-fetch-site'] === 'cross-site';
    if (crossSite || (origin !== undefined && !own.origins.has(origin))) {
      throw new HttpRefusal(403, 'cross_site_refused', 'Requests from other sites are not accepted.');
    }
  }
  for (const key of url.searchParams.keys()) {
    if (CREDENTIAL_QUERY_KEY.test(key)) {
      throw new HttpRefusal(400, 'token_in_query', 'Send credentials in the Authorization header or the body, never in the URL.');
    }
  }
}
