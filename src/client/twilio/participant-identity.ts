import type { ParticipantRole } from '../../domain/escalation';
import type { RemoteParticipant } from '../video-client';

const ROLES: ReadonlySet<string> = new Set<ParticipantRole>(['agent', 'customer', 'supervisor']);

/**
 * The role a participant identity carries: identities are minted as `<role>:<id>`
 * (agentParticipantIdentity, customerParticipantIdentity in domain/escalation.ts).
 */
export function roleOfIdentity(identity: string): RemoteParticipant['role'] {
  const prefix = identity.split(':', 1)[0];
  return identity.includes(':') && ROLES.has(prefix) ? (prefix as ParticipantRole) : 'unknown';
}

const LABELS: Readonly<Record<ParticipantRole, string>> = { agent: 'Agent', customer: 'Customer', supervisor: 'Supervisor' };

/**
 * What to call a remote participant. A Twilio room carries no display name, only the identity;
 * the identity's id part is opaque (a link id for customers), so the role is the readable label.
 */
export function defaultDisplayName(identity: string, role: RemoteParticipant['role']): string {
  return role === 'unknown' ? identity : LABELS[role];
}
