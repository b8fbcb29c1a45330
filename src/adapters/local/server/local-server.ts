import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { logger } from '../../../logger';
import { errorBody } from '../../../domain/errors';
import { handleLocalApi, type LocalApiDeps } from './local-api';
import { HttpRefusal, isJsonObject, methodNotAllowed, readBody, sendError, sendFailure, type RouteHandler } from './http-helpers';
import { proxyTo } from './proxy';
import { guardRequest, requestUrl } from './request-guards';
import { serveStatic } from './static-files';

export interface LocalServerOptions extends LocalApiDeps {
  /** The bundled pages (scripts/build.mjs output). */
  buildDir: string;
  /** twilio-run's origin: Functions and Twilio Assets. */
  functionsUrl: URL;
  /** Extra routes (recording media) tried before the proxy. */
  routes?: RouteHandler[];
}

const PAGES = /^\/(console\.html|chat\.html|console\.css|chat\.css|local\.css|monitor\.html|monitor\.css|library\.html|library\.css|privacy\.html|insights\.html|insights\.css)$/;
const READ_ONLY = ['GET', 'HEAD'];

/**
 * The local stack's single origin on 127.0.0.1: local pages and APIs here, everything else
 * (Functions, customer assets) forwarded to twilio-run, like one Twilio domain. Every request is
 * contained: whatever it carries, it gets an answer (4xx for the caller's mistakes, 503 for ours)
 * and the process goes on.
 */
export function localRequestHandler(options: LocalServerOptions): RequestListener {
  const localDir = join(options.buildDir, 'local');
  return (req, res) => {
    const fail = (e: unknown) => sendFailure(res, e, (err) => logger.error({ err, method: req.method }, 'local server request failed'));
    try {
      const url = requestUrl(req);
      guardRequest(req, url, options.config.PUBLIC_BASE_URL);
      route(options, localDir, req, res, url).catch(fail);
    } catch (e) {
      fail(e);
    }
  };
}

/** Attaches the local origin to `server`, including answers to requests too broken to parse. */
export function serveLocalOrigin(server: Server, options: LocalServerOptions): void {
  server.on('request', localRequestHandler(options));
  server.on('clientError', answerClientError);
}

/** A request Node's parser rejected (bad request line, header too large): a JSON 4xx, then close. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const text = JSON.stringify(errorBody(tooLarge ? 'headers_too_large' : 'bad_request', 'The request is malformed.'));
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

async function route(options: LocalServerOptions, localDir: string, req: IncomingMessage, res: ServerResponse, url: URL) {
  const path = url.pathname;
  if (path.startsWith('/api/local/')) {
    if (!(await handleLocalApi(options, req, res, path))) sendError(res, 404, 'not_found', 'No such endpoint.');
    return;
  }
  for (const handler of options.routes ?? []) if (await handler(req, res, path)) return;
  if (path === '/' || path === '/console' || path.startsWith('/local/') || PAGES.test(path)) {
    if (!READ_ONLY.includes(req.method ?? '')) throw methodNotAllowed(READ_ONLY);
    if (path === '/' || path === '/console') return redirect(res, '/console.html');
    if (path.startsWith('/local/js/') && serveStatic(res, localDir, path.slice('/local'.length))) return;
    if (PAGES.test(path) && serveStatic(res, localDir, path)) return;
    return sendError(res, 404, 'not_found', 'No such page.');
  }
  const body = await readBody(req);
  proxyTo(options.functionsUrl, req, res, { path: path + url.search, body, contentType: checkedContentType(req, body) });
}

/**
 * What twilio-run would choke on is refused here with a JSON answer: compressed bodies, charsets
 * other than UTF-8, JSON that does not parse or is not an object. Returns the content type to
 * forward, lower-cased (`Application/JSON; Charset=UTF-8` is the same type).
 */
function checkedContentType(req: IncomingMessage, body: Buffer): string | undefined {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') throw new HttpRefusal(415, 'unsupported_encoding', 'Send the body uncompressed.');
  const contentType = req.headers['content-type']?.trim().toLowerCase();
  if (!contentType) return undefined;
  const [mediaType, ...params] = contentType.split(';').map((p) => p.trim());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new HttpRefusal(415, 'unsupported_charset', 'Send the body as UTF-8.');
  if ((mediaType === 'application/json' || mediaType.endsWith('+json')) && body.length > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpRefusal(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    if (!isJsonObject(parsed)) throw new HttpRefusal(400, 'invalid_request', 'The request body must be a JSON object.');
    return 'application/json; charset=utf-8';
  }
  return contentType;
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
