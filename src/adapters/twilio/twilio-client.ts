import twilio from 'twilio';
import { assertLoopbackBaseUrl, loopbackHttpClient } from './loopback-http-client';

export type TwilioClient = twilio.Twilio;

/** Credentials for the REST API. An API key is preferred; the auth token is the fallback. */
export interface TwilioCredentials {
  accountSid: string;
  apiKeySid?: string;
  apiKeySecret?: string;
  authToken?: string;
}

/**
 * TEST ONLY. When set (to `http://127.0.0.1:<port>`, nothing else is accepted), every REST call the
 * adapters make goes to that local fake Twilio instead of *.twilio.com. Never set it in a deployment.
 */
export const TEST_BASE_URL_ENV = 'TWILIO_API_BASE_URL_FOR_TESTS';

type Env = Record<string, string | undefined>;

/** The test base URL if the environment sets one (validated), else undefined. */
export function testBaseUrl(env: Env = process.env): string | undefined {
  const value = env[TEST_BASE_URL_ENV];
  if (!value) return undefined;
  assertLoopbackBaseUrl(value);
  return value;
}

/** The one place a `twilio` REST client is built. */
export function twilioRestClient(config: TwilioCredentials, env: Env = process.env): TwilioClient {
  const base = testBaseUrl(env);
  // 429s are retried with backoff by twilio-node itself.
  const retry = { autoRetry: true, maxRetries: 3 };
  const options = { accountSid: config.accountSid, ...retry, ...(base ? { httpClient: loopbackHttpClient(base, retry) } : {}) };
  if (config.apiKeySid && config.apiKeySecret) return twilio(config.apiKeySid, config.apiKeySecret, options);
  if (config.authToken) return twilio(config.accountSid, config.authToken, options);
  throw new Error('Twilio credentials are missing: set an API key (sid and secret) or the account auth token.');
}
