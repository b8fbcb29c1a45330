/** A verified staff member, from a Flex token (twilio) or a local agent token (local). */
export type StaffRole = 'agent' | 'supervisor' | 'admin';

export interface StaffIdentity {
  /** Stable id: Flex worker identity or local agent id. */
  identity: string;
  name: string;
  roles: StaffRole[];
}

export const hasRole = (who: StaffIdentity, ...roles: StaffRole[]): boolean =>
  who.roles.some((r) => roles.includes(r));
