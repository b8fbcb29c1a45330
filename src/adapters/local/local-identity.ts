import { DomainError } from '../../domain/errors';
import type { StaffIdentity, StaffRole } from '../../domain/identity';
import type { IdentityPort } from '../../ports/identity';
import { Hs256Tokens } from './hs256-tokens';
import type { SqlTokenRevocations } from '../sql/sql-token-revocations';

const ROLES: readonly StaffRole[] = ['agent', 'supervisor', 'admin'];

const invalid = () => new DomainError('unauthorized', 'token_invalid', 'Your sign-in is missing, invalid, expired or signed out.');

/** Local agent and supervisor tokens: what a Flex token is on Twilio, signed with the local secret. */
export class LocalIdentity implements IdentityPort {
  private readonly tokens: Hs256Tokens;

  constructor(
    secret: string,
    private readonly revocations?: SqlTokenRevocations,
  ) {
    this.tokens = new Hs256Tokens(secret, 'local-staff');
  }

  issue(who: StaffIdentity, ttlSeconds = 12 * 60 * 60): Promise<string> {
    return this.tokens.sign(who.identity, { name: who.name, roles: who.roles }, ttlSeconds);
  }

  async verify(token: string): Promise<StaffIdentity> {
    const payload = await this.tokens.verify(token);
    const roles = Array.isArray(payload?.roles) ? payload.roles.filter((r): r is StaffRole => ROLES.includes(r)) : [];
    if (!payload?.sub || !payload.jti || typeof payload.name !== 'string' || roles.length === 0) throw invalid();
    if (await this.revocations?.isRevoked(payload.jti)) throw invalid();
    return { identity: payload.sub, name: payload.name, roles };
  }

  /** Signs the token out: it stops working everywhere at once. A bad token is refused. */
  async revoke(token: string): Promise<void> {
    const payload = await this.tokens.verify(token);
    if (!payload?.jti || !payload.exp || !this.revocations) throw invalid();
    await this.revocations.revoke(payload.jti, payload.exp);
  }
}
