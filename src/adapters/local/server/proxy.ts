import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { sendError } from './http-helpers';

/** Headers about this connection, not the request: never forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect', 'proxy-authorization', 'proxy-connection'];

/**
 * Forwards a request to the Functions server (twilio-run), so pages, Functions and assets share
 * one origin locally as they do on a Twilio domain. `forward` holds the normalized path, the
 * already-read body and the checked content type. Refusals twilio-run words as HTML or text come back
 * as our JSON errors, and a failure of its own as a 503: callers see one error shape.
 */
export function proxyTo(
  target: URL,
  req: IncomingMessage,
  res: ServerResponse,
  forward: { path: string; body: Buffer; contentType?: string },
): void {
  const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host, 'content-length': String(forward.body.length) };
  for (const name of HOP_BY_HOP) delete headers[name];
  if (forward.contentType) headers['content-type'] = forward.contentType;
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: forward.path, headers },
    (up) => {
      const status = up.statusCode ?? 502;
      const json = /^application\/json\b/i.test(String(up.headers['content-type'] ?? ''));
      if (status >= 400 && !json) {
        up.resume();
        if (status >= 500) return sendError(res, 503, 'unavailable', 'The service is unavailable right now. Please try again.');
        if (status === 404) return sendError(res, 404, 'not_found', 'No such endpoint.');
        return sendError(res, status, 'invalid_request', 'The request was refused.');
      }
      res.writeHead(status, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) sendError(res, 503, 'functions_unavailable', 'The Functions server is not reachable.');
    else res.destroy();
  });
  upstream.end(forward.body);
}
