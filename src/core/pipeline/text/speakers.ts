import type { ParticipantRole } from '../../../domain/escalation';

const ROLE_LABEL: Record<ParticipantRole | 'unknown', string> = {
  agent: 'Agent',
  customer: 'Customer',
  supervisor: 'Supervisor',
  unknown: 'Participant',
};

/**
 * Display labels per participant identity, in order of first appearance: the first agent is
 * "Agent", a second distinct customer becomes "Customer 2", so two people never share a label.
 */
export function speakerLabels(
  participants: readonly { participantIdentity: string; role: ParticipantRole | 'unknown' }[],
): Map<string, string> {
  const labels = new Map<string, string>();
  const perRole = new Map<string, number>();
  for (const p of participants) {
    if (labels.has(p.participantIdentity)) continue;
    const n = (perRole.get(p.role) ?? 0) + 1;
    perRole.set(p.role, n);
    labels.set(p.participantIdentity, n === 1 ? ROLE_LABEL[p.role] : `${ROLE_LABEL[p.role]} ${n}`);
  }
  return labels;
}
