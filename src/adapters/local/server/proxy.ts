import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { sendError } from './http-helpers';

/**
 * Forwards a request to the Functions server (twilio-run), so pages, Functions and assets share
 * one origin locally as they do on a Twilio domain. `body` is the already-read request body.
 */
export function proxyTo(target: URL, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) sendError(res, 503, 'functions_unavailable', 'The Functions server is not reachable.');
    else res.destroy();
  });
  upstream.end(body);
}
