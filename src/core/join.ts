import { DomainError } from '../domain/errors';
import type { JoinResult, LinkCheck } from '../api/contract';
import type { Escalation } from '../domain/escalation';

export type { JoinResult, LinkCheck };
import type { CoreDeps } from './deps';

/** Resolves a customer link to its live escalation, or says precisely why it cannot be used. */
async function openLink(deps: CoreDeps, linkToken: string): Promise<Escalation> {
  const claims = await deps.links.verify(linkToken, deps.clock.now());
  const escalation = await deps.escalations.get(claims.escalationId);
  if (
    !escalation ||
    escalation.roomName !== claims.roomName ||
    escalation.conversationId !== claims.conversationId ||
    escalation.customerIdentity !== claims.customerIdentity
  ) {
    throw new DomainError('unauthorized', 'link_invalid', 'This link is not valid.');
  }
  if (escalation.status === 'ended') {
    throw new DomainError('gone', 'call_ended', 'This video call has ended.');
  }
  if (escalation.linkId !== claims.linkId) {
    throw new DomainError('gone', 'link_revoked', 'This link was replaced by a newer one.');
  }
  return escalation;
}

async function check(deps: CoreDeps, escalation: Escalation): Promise<LinkCheck> {
  const connected = await deps.rooms.connectedIdentities({ name: escalation.roomName, sid: escalation.roomSid });
  return {
    agentName: escalation.agentName,
    recording: escalation.recording,
    expiresAt: escalation.linkExpiresAt,
    inUse: connected.includes(escalation.customerIdentity),
  };
}

export async function checkLink(deps: CoreDeps, linkToken: string): Promise<LinkCheck> {
  return check(deps, await openLink(deps, linkToken));
}

/**
 * Grants the customer media access. A link already in use in another tab is refused with
 * `link_in_use` unless the customer chose to move the call here (`takeOver`), in which case the
 * other tab is disconnected and told why — never silently kicked.
 */
export async function join(deps: CoreDeps, linkToken: string, takeOver: boolean): Promise<JoinResult> {
  const escalation = await openLink(deps, linkToken);
  const room = { name: escalation.roomName, sid: escalation.roomSid };
  const status = await check(deps, escalation);
  if (status.inUse) {
    if (!takeOver) {
      throw new DomainError(
        'conflict',
        'link_in_use',
        'This call is already open in another tab or device. You can move it here.',
      );
    }
    await deps.rooms.removeParticipant(room, escalation.customerIdentity);
  }
  const remaining = Math.floor((new Date(escalation.linkExpiresAt).getTime() - deps.clock.now().getTime()) / 1000);
  const access = await deps.rooms.grantAccess(room, {
    identity: escalation.customerIdentity,
    displayName: 'Customer',
    role: 'customer',
    ttlSeconds: Math.max(60, Math.min(deps.config.ACCESS_TTL_SECONDS, remaining)),
  });
  return { ...status, inUse: false, access };
}
