/** Where browsers reach Janus: a path on the stack's own origin (janus-proxy.ts), never Janus's port. */
export const JANUS_PROXY_PATH = '/janus';

/** The WebSocket URL handed to browsers in media grants. */
export function janusProxyUrl(publicBaseUrl: string): string {
  const url = new URL(JANUS_PROXY_PATH, publicBaseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
