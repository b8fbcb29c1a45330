import type { CloseConversationResponse } from '../../api/privacy-contract';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { CloseSource, ConversationClosure } from '../../domain/privacy';
import { mediaDeletesAt } from './retention-policy';
import { publishRetention } from './retention-attributes';
import type { RetentionDeps } from './retention-deps';

/**
 * Closes a conversation for retention (staff): agents on conversations where they ran a call or
 * sent a clip, supervisors any. The first close starts the clock; later closes return it.
 */
export async function closeConversation(
  deps: RetentionDeps,
  staff: StaffIdentity,
  request: { conversationId: string; source?: CloseSource },
): Promise<CloseConversationResponse> {
  if (!(await deps.conversations.get(request.conversationId))) {
    throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');
  }
  if (!hasRole(staff, 'supervisor', 'admin') && !(await ownsWorkIn(deps, staff, request.conversationId))) {
    throw new DomainError('forbidden', 'not_your_conversation', 'Only the agent of this conversation or a supervisor can close it.');
  }
  // Staff close a resolved ticket, not a live call (the Conversations webhook is not asked: Twilio closed it already).
  if (await deps.escalations.findActiveByConversation(request.conversationId)) {
    throw new DomainError('conflict', 'call_in_progress', 'End the video call before closing the conversation.');
  }
  return recordClose(deps, { conversationId: request.conversationId, closedBy: staff.identity, closedByName: staff.name, source: request.source ?? 'console' });
}

/** Records a close (staff, the Conversations webhook, a task's completion); audited once, on the first. */
export async function recordClose(
  deps: RetentionDeps,
  request: { conversationId: string; closedBy: string; closedByName?: string; source: CloseSource },
): Promise<CloseConversationResponse> {
  const { closedByName, ...close } = request;
  const closure = await deps.privacy.close({ ...close, closedAt: deps.clock.now().toISOString() });
  // A fixed id: a close retried after a crash, or two racing first closes, audit once.
  await deps.privacy.appendAudit({
    id: `conversation.closed:${closure.conversationId}`,
    at: closure.closedAt,
    actor: closure.closedBy,
    // The name goes with the identity it belongs to: a later closer's name never labels the first close.
    ...(closedByName && closure.closedBy === request.closedBy ? { actorName: closedByName } : {}),
    action: 'conversation.closed',
    conversationId: closure.conversationId,
    details: { source: closure.source },
  });
  const response = await closeResponse(deps, closure);
  await publishRetention(deps, closure.conversationId, {
    closedAt: closure.closedAt,
    onHold: response.onHold,
    ...(response.mediaDeletesAt ? { mediaDeletesAt: response.mediaDeletesAt } : {}),
  });
  return response;
}

export async function closeResponse(deps: RetentionDeps, closure: ConversationClosure): Promise<CloseConversationResponse> {
  const onHold = (await deps.privacy.getHold(closure.conversationId)) !== null;
  return {
    conversationId: closure.conversationId,
    closedAt: closure.closedAt,
    source: closure.source,
    onHold,
    ...(onHold ? {} : { mediaDeletesAt: mediaDeletesAt(closure.closedAt, deps.config) }),
  };
}

async function ownsWorkIn(deps: RetentionDeps, staff: StaffIdentity, conversationId: string): Promise<boolean> {
  if (!hasRole(staff, 'agent')) return false;
  const escalations = await deps.escalations.listByConversation(conversationId);
  if (escalations.some((e) => e.agentIdentity === staff.identity)) return true;
  return (await deps.clips.listByConversation(conversationId)).some((c) => c.agentIdentity === staff.identity);
}
