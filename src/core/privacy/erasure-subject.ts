import { takeIsOpen } from '../../domain/clip';
import { DomainError } from '../../domain/errors';
import { staffNameOf } from '../../domain/privacy';
import { TERMINAL_STATES } from '../../domain/pipeline-job';
import type { ErasureDeps } from './privacy-deps';

/** Whom to erase: one customer identity (`customer:<id>`), or the customer of one conversation. */
export type ErasureSubject = { customerIdentity: string } | { conversationId: string };

/**
 * The conversations whose customer is the subject. A conversation has one customer (its chat);
 * each call link and clip link gives that customer a fresh participant identity. So an identity
 * leads to the conversations where it was the customer (a call's link or a customer's clip), and
 * a conversation id to itself. 404 when nothing matches.
 */
export async function conversationsOf(deps: ErasureDeps, subject: ErasureSubject): Promise<string[]> {
  if ('conversationId' in subject) {
    const id = subject.conversationId;
    const known =
      (await deps.conversations.get(id)) ||
      (await deps.pipeline.store.listByConversation(id)).length > 0 ||
      (await deps.escalations.listByConversation(id)).length > 0;
    if (!known) throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');
    return [id];
  }
  const identity = subject.customerIdentity;
  const escalations = await deps.escalations.findByCustomerIdentity(identity);
  const clips = (await deps.clips.listByAuthorIdentity(identity)).filter((c) => c.authorRole === 'customer');
  const ids = [...new Set([...escalations, ...clips].map((x) => x.conversationId))];
  if (ids.length === 0) throw new DomainError('not_found', 'customer_not_found', 'No conversation has this customer.');
  return ids;
}

/**
 * Refuses (409) before anything is counted or erased: a conversation under legal hold keeps
 * everything until the hold is lifted, and a call, clip take or recording still in progress would
 * write new data after the erasure.
 */
export async function assertErasable(deps: ErasureDeps, conversationIds: readonly string[]): Promise<void> {
  for (const id of conversationIds) {
    const hold = await deps.privacy.getHold(id);
    if (hold) {
      throw new DomainError(
        'conflict',
        'legal_hold',
        `Conversation ${id} is under legal hold (set by ${staffNameOf(hold.setBy, hold.setByName)}: "${hold.reason}"). Nothing was erased; lift the hold first.`,
      );
    }
    const busy =
      (await deps.escalations.findActiveByConversation(id)) !== null ||
      (await deps.clips.listByConversation(id)).some((c) => takeIsOpen(c) || c.status === 'stopped') ||
      (await deps.pipeline.store.listByConversation(id)).some((j) => !TERMINAL_STATES.includes(j.state));
    if (busy) {
      throw new DomainError(
        'conflict',
        'recording_in_progress',
        `Conversation ${id} has a call, clip or recording still in progress. Try again once it has finished.`,
      );
    }
  }
}
