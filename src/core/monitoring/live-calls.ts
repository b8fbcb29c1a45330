import type { LiveCall } from '../../api/library-contract';
import { customerNameOf } from '../../domain/conversation';
import type { StaffIdentity } from '../../domain/identity';
import type { CoreDeps } from '../deps';
import { requireSupervisor } from './supervisor-only';

/** Calls in progress, oldest first: who is on them, since when, and whether they are recorded. */
export async function listLiveCalls(deps: CoreDeps, staff: StaffIdentity): Promise<LiveCall[]> {
  requireSupervisor(staff);
  const active = await deps.escalations.listActive();
  return Promise.all(
    active.map(async (e): Promise<LiveCall> => {
      const conversation = await deps.conversations.get(e.conversationId);
      return {
        escalationId: e.id,
        conversationId: e.conversationId,
        agentName: e.agentName,
        customerName: customerNameOf(conversation?.attributes),
        startedAt: e.createdAt,
        recording: e.recording,
      };
    }),
  );
}
