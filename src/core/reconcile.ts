import type { Escalation } from '../domain/escalation';
import type { CoreDeps } from './deps';
import { roomCompleted } from './end-call';

export interface Reconciled {
  ended: Escalation[];
  /** Calls that could not be checked or ended now (the media server is down?); the next start tries again. */
  failed: { escalationId: string; error: unknown }[];
}

/**
 * After a crash or restart: every escalation still marked active whose room no longer exists on
 * the media server is ended the proper way (room ended, link revoked — an ended escalation opens
 * no link —, "call ended" posted, recording handed to the pipeline). Without it the conversation
 * would keep pointing at a dead call, and re-escalating would hand out that dead call again.
 * One failure does not stop the others; running it twice changes nothing.
 */
export async function reconcileCalls(deps: CoreDeps): Promise<Reconciled> {
  const result: Reconciled = { ended: [], failed: [] };
  for (const e of await deps.escalations.listActive()) {
    const room = { name: e.roomName, sid: e.roomSid };
    try {
      if (await deps.rooms.isOpen(room)) continue;
      await deps.rooms.endRoom(room);
      result.ended.push(await roomCompleted(deps, { roomName: e.roomName, roomSid: e.roomSid }));
    } catch (error) {
      result.failed.push({ escalationId: e.id, error });
    }
  }
  return result;
}
