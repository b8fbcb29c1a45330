import type { LiveCall } from '../../api/library-contract';
import type { StaffIdentity } from '../../domain/identity';
import type { CoreDeps } from '../deps';
import { requireSupervisor } from './supervisor-only';

/** The name the chat carries for its customer (conversation attribute `customerName`), or a neutral label. */
function customerNameOf(attributes: Record<string, unknown> | undefined): string {
  const name = attributes?.customerName;
  return typeof name === 'string' && name.trim() ? name.trim() : 'Customer';
}

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
