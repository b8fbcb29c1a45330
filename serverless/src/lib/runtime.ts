import type { ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import { createBackend } from '../../../src/adapters/backend';
import type { Backend } from '../../../src/core/backend';
import { readConfig, type Config } from '../../../src/config';

/** Twilio's runtime (and twilio-run) provide `Twilio.Response` as a global. */
declare const Twilio: { Response: new () => TwilioResponse };
interface TwilioResponse {
  setStatusCode(code: number): void;
  setBody(body: unknown): void;
  appendHeader(name: string, value: string): void;
}
/** Answers a Function's callback with JSON (and any extra headers). */
export function sendJson(callback: ServerlessCallback, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const response = new Twilio.Response();
  response.setStatusCode(status);
  response.appendHeader('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(headers)) response.appendHeader(name, value);
  if (body !== undefined) response.setBody(body);
  callback(null, response);
}

/**
 * What a Function receives: query and body merged, plus `request.headers` (Twilio's runtime; a
 * preload locally). `request.method` only locally (scripts/twilio-run-request-headers.cjs).
 */
export type RawEvent = Record<string, unknown> & { request?: { method?: string; headers?: Record<string, string | undefined> } };

/** A 405 for a method the Function does not take, when the runtime says the method (Twilio's does not). */
export function wrongMethod(event: RawEvent, allowed: readonly string[]): boolean {
  const method = event.request?.method;
  return typeof method === 'string' && method !== 'OPTIONS' && !allowed.includes(method);
}

let backend: Promise<Backend> | undefined;
let config: Config | undefined;

/** One back end per warm container (or per twilio-run process), like a connection pool. */
export async function runtime(): Promise<{ backend: Backend; config: Config }> {
  config ??= readConfig();
  const cfg = config;
  backend ??= createBackend(cfg).catch((e) => {
    backend = undefined; // a store that was down may be up next time
    throw e;
  });
  return { backend: await backend, config: cfg };
}
