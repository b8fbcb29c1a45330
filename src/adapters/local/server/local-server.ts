import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { logger } from '../../../logger';
import { handleLocalApi, type LocalApiDeps } from './local-api';
import { readBody, sendError, sendFailure } from './http-helpers';
import { proxyTo } from './proxy';
import { serveStatic } from './static-files';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

export interface LocalServerOptions extends LocalApiDeps {
  /** The bundled pages (scripts/build.mjs output). */
  buildDir: string;
  /** twilio-run's origin: Functions and Twilio Assets. */
  functionsUrl: URL;
  /** Extra routes (recording media) tried before the proxy. */
  routes?: RouteHandler[];
}

/**
 * The local stack's single origin on 127.0.0.1: local pages and APIs here, everything else
 * (Functions, customer assets) forwarded to twilio-run, like one Twilio domain.
 */
export function localRequestHandler(options: LocalServerOptions): RequestListener {
  const localDir = join(options.buildDir, 'local');
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void route(options, localDir, req, res, path).catch((e) =>
      sendFailure(res, e, (err) => logger.error({ err, path }, 'local server request failed')),
    );
  };
}

async function route(options: LocalServerOptions, localDir: string, req: IncomingMessage, res: ServerResponse, path: string) {
  if (path.startsWith('/api/local/')) {
    if (!(await handleLocalApi(options, req, res, path))) sendError(res, 404, 'not_found', 'No such endpoint.');
    return;
  }
  for (const handler of options.routes ?? []) if (await handler(req, res, path)) return;
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (path === '/' || path === '/console') return redirect(res, '/console.html');
    if (path.startsWith('/local/js/') && serveStatic(res, localDir, path.slice('/local'.length))) return;
    if (/^\/(console\.html|chat\.html|console\.css|chat\.css|local\.css)$/.test(path) && serveStatic(res, localDir, path)) return;
  }
  const body = await readBody(req);
  // twilio-run answers unparsable JSON with an HTML page; callers of our Functions get JSON.
  if (req.method === 'POST' && req.headers['content-type']?.includes('application/json') && body.length > 0) {
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
    }
  }
  proxyTo(options.functionsUrl, req, res, body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location });
  res.end();
}

export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
