import { randomBytes } from 'node:crypto';

/**
 * What locks our Janus down. All three stay on the server: browsers only ever get tokens signed
 * with `tokenSecret` (janus-token.ts), one per media grant.
 */
export interface JanusCredentials {
  /** janus.jcfg `api_secret`: the server's control connection sends it as `apisecret`. */
  apiSecret: string;
  /** janus.jcfg `token_auth_secret`: signs the per-grant tokens browsers send as `token`. */
  tokenSecret: string;
  /** videoroom `admin_key`: needed to create rooms. */
  roomAdminKey: string;
}

const secret = (): string => randomBytes(24).toString('base64url');

/** Fresh random credentials; the local stack makes new ones at every start. */
export function newJanusCredentials(): JanusCredentials {
  return { apiSecret: secret(), tokenSecret: secret(), roomAdminKey: secret() };
}

/** The credentials a process that did not start Janus (the Functions) was handed in its configuration. */
export function janusCredentialsFromConfig(config: {
  JANUS_API_SECRET?: string;
  JANUS_TOKEN_SECRET?: string;
  JANUS_ROOM_ADMIN_KEY?: string;
}): JanusCredentials {
  const { JANUS_API_SECRET: apiSecret, JANUS_TOKEN_SECRET: tokenSecret, JANUS_ROOM_ADMIN_KEY: roomAdminKey } = config;
  if (!apiSecret || !tokenSecret || !roomAdminKey) {
    throw new Error('JANUS_API_SECRET, JANUS_TOKEN_SECRET and JANUS_ROOM_ADMIN_KEY are required with BACKEND=local (the local stack sets them)');
  }
  return { apiSecret, tokenSecret, roomAdminKey };
}
