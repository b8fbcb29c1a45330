import { validator } from 'twilio-flex-token-validator';
import { testBaseUrl, twilioRestClient, type TwilioClient, type TwilioCredentials } from './twilio-client';

/** The fields of Twilio IAM's answer to `POST /v1/Accounts/{sid}/Tokens/validate` that we read. */
export interface FlexTokenResult {
  valid: boolean;
  code?: number;
  message?: string | null;
  expiration?: string | null;
  identity?: string | null;
  realm_user_id?: string | null;
  worker_sid?: string | null;
  roles?: string[] | null;
  flex_instance_sid?: string | null;
  flex_user_sid?: string | null;
}

/** Resolves with a valid result; rejects (with anything) when the token is not valid. */
export type FlexTokenValidator = (token: string) => Promise<FlexTokenResult>;

export interface FlexValidationCredentials extends TwilioCredentials {
  /** Twilio region (e.g. `au1`): the validator's realm, `iam.<realm>.twilio.com`. */
  realm?: string;
}

/** Production: twilio-flex-token-validator, which calls Twilio IAM over HTTPS itself. */
export function libraryValidator(creds: FlexValidationCredentials): FlexTokenValidator {
  const apiKey = creds.apiKeySid && creds.apiKeySecret ? { Sid: creds.apiKeySid, Secret: creds.apiKeySecret } : undefined;
  return async (token) =>
    (await validator(token, creds.accountSid, apiKey ? undefined : creds.authToken, creds.realm, apiKey)) as FlexTokenResult;
}

/**
 * The validator's exact request (same endpoint, JSON body, Basic auth, and acceptance rule:
 * `valid === true` in the body) sent through a twilio client, so a test base URL reaches it.
 * Needed because the library opens its own https connection to port 443 and cannot be redirected.
 */
export function restClientValidator(client: TwilioClient, accountSid: string): FlexTokenValidator {
  return async (token) => {
    if (!token) throw new Error('Unauthorized: Token was not provided');
    const response = await client.request({
      method: 'post',
      uri: `https://iam.twilio.com/v1/Accounts/${encodeURIComponent(accountSid)}/Tokens/validate`,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
      data: { token },
    });
    const body: unknown = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
    const result = body as FlexTokenResult | null;
    if (!result || result.valid !== true) throw new Error(result?.message ?? `Token validation failed (HTTP ${response.statusCode})`);
    return result;
  };
}

/** The library in production; under TWILIO_API_BASE_URL_FOR_TESTS, the same call through the loopback client. */
export function defaultFlexTokenValidator(creds: FlexValidationCredentials, env: Record<string, string | undefined> = process.env): FlexTokenValidator {
  return testBaseUrl(env) ? restClientValidator(twilioRestClient(creds, env), creds.accountSid) : libraryValidator(creds);
}
