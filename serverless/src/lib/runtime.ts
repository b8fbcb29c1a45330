import { createBackend, type Backend } from '../../../src/adapters/backend';
import { readConfig, type Config } from '../../../src/config';

/** Twilio's runtime (and twilio-run) provide `Twilio.Response` as a global. */
declare const Twilio: { Response: new () => TwilioResponse };
export interface TwilioResponse {
  setStatusCode(code: number): void;
  setBody(body: unknown): void;
  appendHeader(name: string, value: string): void;
}
export const newResponse = (): TwilioResponse => new Twilio.Response();

/** What a Function receives: query and body merged, plus `request.headers` (Twilio's runtime; a preload locally). */
export type RawEvent = Record<string, unknown> & { request?: { headers?: Record<string, string | undefined> } };

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
