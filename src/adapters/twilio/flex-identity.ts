import { DomainError } from '../../domain/errors';
import type { StaffIdentity, StaffRole } from '../../domain/identity';
import type { IdentityPort } from '../../ports/identity';
import { defaultFlexTokenValidator, type FlexTokenResult, type FlexTokenValidator, type FlexValidationCredentials } from './flex-token-validation';

const STAFF_ROLES: readonly StaffRole[] = ['agent', 'supervisor', 'admin'];

export interface FlexIdentityOptions extends FlexValidationCredentials {
  /** Replaces the call to Twilio IAM (unit tests); see defaultFlexTokenValidator otherwise. */
  validate?: FlexTokenValidator;
  env?: Record<string, string | undefined>;
}

const invalid = () => new DomainError('unauthorized', 'token_invalid', 'Your Flex sign-in is missing, invalid or expired.');

/** Staff roles of a validated token; others (e.g. a web chat `guest`, `wfo.*`) are not ours. */
export const staffRoles = (result: FlexTokenResult): StaffRole[] =>
  (Array.isArray(result.roles) ? result.roles : []).filter((r): r is StaffRole => STAFF_ROLES.includes(r as StaffRole));

/** IdentityPort on Flex tokens: Twilio IAM says whether the token is valid and which roles it carries. */
export class FlexIdentity implements IdentityPort {
  private readonly validate: FlexTokenValidator;

  constructor(options: FlexIdentityOptions) {
    this.validate = options.validate ?? defaultFlexTokenValidator(options, options.env);
  }

  async verify(token: string): Promise<StaffIdentity> {
    if (!token) throw invalid();
    let result: FlexTokenResult;
    try {
      result = await this.validate(token);
    } catch {
      // The validator rejects with bare strings for every failure (bad, expired, IAM unreachable).
      throw invalid();
    }
    if (result?.valid !== true || !result.identity) throw invalid();
    const roles = staffRoles(result);
    if (roles.length === 0) {
      throw new DomainError('forbidden', 'not_staff', 'This sign-in is not an agent, supervisor or admin.');
    }
    // IAM returns no display name; the worker identity is what Flex shows by default.
    return { identity: result.identity, name: result.identity, roles };
  }
}
