import { twilioTime } from './state';
import { TwilioHttpError, type Route } from './types';

const HOST = 'iam.twilio.com';

/**
 * Twilio IAM's Flex token check, as twilio-flex-token-validator calls it: JSON `{ token }` in,
 * `{ valid, code, message, expiration, identity, roles, worker_sid, ... }` out. A bad or expired
 * token is answered 200 with `valid: false` (the validator's own tests mock exactly that and it
 * reads only `valid` and `message`); a request for another account is refused with 401.
 */
export const iamRoutes: Route[] = [
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Accounts\/([^/]+)\/Tokens\/validate$/,
    handle: (req, [accountSid], { state }) => {
      if (accountSid !== state.accountSid) throw new TwilioHttpError(401, 20003, 'Authenticate');
      const token = (req.json as { token?: unknown } | undefined)?.token;
      const seed = typeof token === 'string' ? state.flexTokens.get(token) : undefined;
      const refuse = (code: number, message: string) => ({ status: 200, body: { valid: false, code, message, expiration: null, identity: null, roles: null, worker_sid: null } });
      if (!seed) return refuse(20101, 'Invalid Access Token');
      const expiresAt = seed.expiresAt ?? new Date(Date.now() + 3600_000);
      if (expiresAt.getTime() <= Date.now()) return refuse(20104, 'Access Token expired or expiration date invalid');
      return {
        status: 200,
        body: {
          valid: true,
          code: 0,
          message: null,
          expiration: twilioTime(expiresAt),
          realm_user_id: seed.identity,
          identity: seed.identity,
          roles: seed.roles,
          worker_sid: seed.workerSid ?? null,
          flex_instance_sid: null,
          flex_user_sid: null,
        },
      };
    },
  },
];
