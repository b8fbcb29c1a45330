import type { LegalHoldResponse } from '../../api/privacy-contract';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { LegalHold } from '../../domain/privacy';
import { publishRetention } from './retention-attributes';
import type { RetentionDeps } from './retention-deps';
import { mediaDeletesAt } from './retention-policy';

export const HOLD_REASON_MAX = 500;

function requireHoldSupervisor(staff: StaffIdentity): void {
  if (!hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'supervisor_required', 'Only supervisors can see, set or lift a legal hold.');
  }
}

async function requireConversation(deps: RetentionDeps, conversationId: string): Promise<void> {
  if (!(await deps.conversations.get(conversationId))) throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');
}

/**
 * The hold in force (who set it, when and why) and, when the conversation is closed, its closure
 * with the date the policy deletes its media: what the supervisor decides a hold on.
 */
export async function getLegalHold(deps: RetentionDeps, staff: StaffIdentity, request: { conversationId: string }): Promise<LegalHoldResponse> {
  requireHoldSupervisor(staff);
  await requireConversation(deps, request.conversationId);
  const [hold, closure] = await Promise.all([deps.privacy.getHold(request.conversationId), deps.privacy.getClosure(request.conversationId)]);
  return {
    conversationId: request.conversationId,
    hold,
    ...(closure ? { closure: { ...closure, mediaDeletesAt: mediaDeletesAt(closure.closedAt, deps.config) } } : {}),
  };
}

/** Sets (or re-words) a conversation's legal hold: no deletion touches it until lifted. Audited with the reason. */
export async function setLegalHold(deps: RetentionDeps, staff: StaffIdentity, request: { conversationId: string; reason: string }): Promise<LegalHoldResponse> {
  requireHoldSupervisor(staff);
  const reason = request.reason.trim();
  if (!reason) throw new DomainError('invalid_request', 'reason_required', 'Say why the conversation is on legal hold.');
  if (reason.length > HOLD_REASON_MAX) throw new DomainError('invalid_request', 'reason_too_long', `Keep the reason under ${HOLD_REASON_MAX} characters.`);
  await requireConversation(deps, request.conversationId);
  // The display name is stored beside the identity: pages name people as their headers do.
  const hold: LegalHold = { conversationId: request.conversationId, reason, setBy: staff.identity, setByName: staff.name, setAt: deps.clock.now().toISOString() };
  await deps.privacy.setHold(hold);
  await deps.privacy.appendAudit({
    id: deps.newId(),
    at: hold.setAt,
    actor: staff.identity,
    actorName: staff.name,
    action: 'legal_hold.set',
    conversationId: hold.conversationId,
    details: { reason },
  });
  await publishRetention(deps, hold.conversationId, { onHold: true, mediaDeletesAt: null });
  return { conversationId: hold.conversationId, hold };
}

/** Lifts the hold (audited with the reason it had); the retention clock applies again from the close. */
export async function liftLegalHold(deps: RetentionDeps, staff: StaffIdentity, request: { conversationId: string }): Promise<LegalHoldResponse> {
  requireHoldSupervisor(staff);
  await requireConversation(deps, request.conversationId);
  const lifted = await deps.privacy.liftHold(request.conversationId);
  if (lifted) {
    await deps.privacy.appendAudit({
      id: deps.newId(),
      at: deps.clock.now().toISOString(),
      actor: staff.identity,
      actorName: staff.name,
      action: 'legal_hold.lifted',
      conversationId: request.conversationId,
      details: { reason: lifted.reason },
    });
    const closure = await deps.privacy.getClosure(request.conversationId);
    await publishRetention(deps, request.conversationId, {
      onHold: false,
      mediaDeletesAt: closure ? mediaDeletesAt(closure.closedAt, deps.config) : null,
    });
  }
  return { conversationId: request.conversationId, hold: null };
}
