import type { StaffIdentity } from '../domain/identity';

/**
 * Verifies agent and supervisor credentials. Twilio: Flex token via twilio-flex-token-validator.
 * Local: locally signed agent tokens. Throws DomainError('unauthorized') on a bad token.
 */
export interface IdentityPort {
  verify(token: string): Promise<StaffIdentity>;
}
