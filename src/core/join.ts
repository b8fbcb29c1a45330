import { RECORDING_NOTICE } from '../domain/consent';
import { DomainError } from '../domain/errors';
import type { JoinResult, LinkCheck } from '../api/contract';
import type { Escalation } from '../domain/escalation';

export type { JoinResult, LinkCheck };
import type { CoreDeps } from './deps';
import { callAlreadyStarted, noteSupportEvent } from './support/note-support-event';

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
    // The page shows this exact text and sends its version back with the consent.
    ...(escalation.recording ? { notice: RECORDING_NOTICE } : {}),
    expiresAt: escalation.linkExpiresAt,
    inUse: connected.includes(escalation.customerIdentity),
  };
}

/** What the customer agreed to on the join page, as the join request states it. */
export interface JoinConsent {
  consent: boolean;
  noticeVersion?: string;
  userAgent?: string;
}

/** A recorded call is joined only with an explicit consent to the current notice, which is stored first. */
async function requireConsent(deps: CoreDeps, escalation: Escalation, given: JoinConsent): Promise<void> {
  if (!escalation.recording) return;
  if (!given.consent) {
    throw new DomainError('forbidden', 'consent_required', 'This call is recorded: agree to the recording notice to join.');
  }
  if (given.noticeVersion !== RECORDING_NOTICE.version) {
    throw new DomainError('conflict', 'notice_changed', 'The recording notice has changed. Reload the page and read it again.');
  }
  await deps.consents.record({
    id: deps.newId(),
    escalationId: escalation.id,
    roomName: escalation.roomName,
    participantIdentity: escalation.customerIdentity,
    role: 'customer',
    noticeVersion: RECORDING_NOTICE.version,
    noticeText: RECORDING_NOTICE.text,
    userAgent: (given.userAgent ?? '').slice(0, 512),
    consentedAt: deps.clock.now().toISOString(),
  });
}

export async function checkLink(deps: CoreDeps, linkToken: string): Promise<LinkCheck> {
  return check(deps, await openLink(deps, linkToken));
}

/**
 * Grants the customer media access. A link already in use in another tab is refused with
 * `link_in_use` unless the customer chose to move the call here (`takeOver`), in which case the
 * other tab is disconnected and told why — never silently kicked.
 */
export async function join(deps: CoreDeps, linkToken: string, takeOver: boolean, consent: JoinConsent): Promise<JoinResult> {
  const escalation = await openLink(deps, linkToken);
  const room = { name: escalation.roomName, sid: escalation.roomSid };
  const status = await check(deps, escalation);
  if (status.inUse && !takeOver) {
    throw new DomainError('conflict', 'link_in_use', 'This call is already open in another tab or device. You can move it here.');
  }
  await requireConsent(deps, escalation, consent);
  if (status.inUse) await deps.rooms.removeParticipant(room, escalation.customerIdentity);
  const remaining = Math.floor((new Date(escalation.linkExpiresAt).getTime() - deps.clock.now().getTime()) / 1000);
  const access = await deps.rooms.grantAccess(room, {
    identity: escalation.customerIdentity,
    displayName: 'Customer',
    role: 'customer',
    ttlSeconds: Math.max(60, Math.min(deps.config.ACCESS_TTL_SECONDS, remaining)),
  });
  if (!(await callAlreadyStarted(deps, escalation.conversationId, escalation.id))) {
    await noteSupportEvent(deps, escalation.conversationId, { kind: 'call_started', callId: escalation.id });
  }
  return { ...status, inUse: false, access };
}
