import { DomainError } from '../../domain/errors';
import type { StaffIdentity, StaffRole } from '../../domain/identity';
import type { IdentityPort } from '../../ports/identity';
import { Hs256Tokens } from './hs256-tokens';

const ROLES: readonly StaffRole[] = ['agent', 'supervisor', 'admin'];

/** Local agent and supervisor tokens: what a Flex token is on Twilio, signed with the local secret. */
export class LocalIdentity implements IdentityPort {
  private readonly tokens: Hs256Tokens;

  constructor(secret: string) {
    this.tokens = new Hs256Tokens(secret, 'local-staff');
  }

  issue(who: StaffIdentity, ttlSeconds = 12 * 60 * 60): Promise<string> {
    return this.tokens.sign(who.identity, { name: who.name, roles: who.roles }, ttlSeconds);
  }

  async verify(token: string): Promise<StaffIdentity> {
    const payload = await this.tokens.verify(token);
    const roles = Array.isArray(payload?.roles) ? payload.roles.filter((r): r is StaffRole => ROLES.includes(r)) : [];
    if (!payload?.sub || typeof payload.name !== 'string' || roles.length === 0) {
      throw new DomainError('unauthorized', 'token_invalid', 'Your sign-in is missing, invalid or expired.');
    }
    return { identity: payload.sub, name: payload.name, roles };
  }
}
