import type { ParticipantRole } from '../../domain/escalation';
import type { RemoteParticipant } from '../video-client';

const LABELS: Readonly<Record<ParticipantRole, string>> = { agent: 'Agent', customer: 'Customer', supervisor: 'Supervisor' };

/**
 * What to call a remote participant. A Twilio room carries no display name, only the identity;
 * the identity's id part is opaque (a link id for customers), so the role (roleOfIdentity in
 * domain/escalation.ts) is the readable label.
 */
export function defaultDisplayName(identity: string, role: RemoteParticipant['role']): string {
  return role === 'unknown' ? identity : LABELS[role];
}
