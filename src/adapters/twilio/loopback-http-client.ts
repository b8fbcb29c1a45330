import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

const TWILIO_DOMAIN = '.twilio.com';

/**
 * A test base URL must point at this machine: the client sends the account's credentials with
 * every request, so anything but plain HTTP on 127.0.0.1 is refused outright.
 */
export function assertLoopbackBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || !url.port || url.pathname !== '/' || url.search || url.username) {
    throw new Error(`A Twilio test base URL must be http://127.0.0.1:<port> and nothing else, got ${JSON.stringify(baseUrl)}`);
  }
  return url;
}

/** `https://video.twilio.com/v1/Rooms?x=1` → `http://127.0.0.1:PORT/video/v1/Rooms?x=1`: the first segment keeps the host. */
export function loopbackUri(base: URL, uri: string): string {
  const target = new URL(uri);
  if (target.protocol !== 'https:' || !target.hostname.endsWith(TWILIO_DOMAIN) || target.port) {
    throw new Error(`The loopback Twilio client only forwards https://*.twilio.com, refused ${target.origin}`);
  }
  const sub = target.hostname.slice(0, -TWILIO_DOMAIN.length);
  return `${base.origin}/${sub}${target.pathname}${target.search}`;
}

/**
 * twilio-node's RequestClient with every Twilio URL rewritten to a local fake (contract tests).
 * Non-Twilio URLs are refused, so a test can never reach the internet through it.
 */
export class LoopbackRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string, options: RequestClient.RequestClientOptions = {}) {
    // No keep-alive: a test closes its fake server and must not be held open by idle sockets.
    super({ ...options, keepAlive: false });
    this.base = assertLoopbackBaseUrl(baseUrl);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: loopbackUri(this.base, opts.uri) });
  }
}

export const loopbackHttpClient = (baseUrl: string, options?: RequestClient.RequestClientOptions): LoopbackRequestClient =>
  new LoopbackRequestClient(baseUrl, options);
