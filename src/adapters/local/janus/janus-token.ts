import { createHmac } from 'node:crypto';

export const VIDEOROOM_PLUGIN = 'janus.plugin.videoroom';

/**
 * A Janus signed token (janus.jcfg `token_auth = true` + `token_auth_secret`): valid until
 * `expiresAt` (whole seconds, rounded down so it never outlives the grant), for the realm
 * "janus" and the plugins listed. Janus checks it statelessly, so nothing has to be registered.
 *
 * Checked against Janus's source (src/auth.c, janus_auth_check_signature*) and the Debian janus
 * 1.1.2 binary (tests/http/janus-lockdown.test.ts, src/adapters/local/janus/janus-token.test.ts):
 *   token = "<expiry>,janus,<plugin>[,<plugin>…]:<base64(HMAC-SHA1(secret, data))>"
 * where data is everything before the colon; an expiry in the past, another realm, a plugin not
 * listed (checked at `attach`) or a wrong signature is refused with 403 Unauthorized.
 */
export function signJanusToken(secret: string, expiresAt: Date, plugins: string[] = [VIDEOROOM_PLUGIN]): string {
  const data = [String(Math.floor(expiresAt.getTime() / 1000)), 'janus', ...plugins].join(',');
  return `${data}:${createHmac('sha1', secret).update(data).digest('base64')}`;
}
