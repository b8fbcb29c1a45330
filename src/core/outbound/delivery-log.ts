import type { OutboundDeliveriesRequest, OutboundDeliveriesResponse } from '../../api/outbound-contract';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { OutboundStore } from '../../ports/outbound-store';

export const DELIVERY_LOG_PAGE = 100;
export const DELIVERY_LOG_MAX = 500;

/**
 * The delivery log (POST /outbound-deliveries), newest first: which event went to which endpoint,
 * how many attempts, the last status and our reason. Supervisors and admins; bodies and secrets
 * are not in it.
 */
export async function outboundDeliveryLog(
  deps: { store: Pick<OutboundStore, 'listDeliveries'> },
  staff: StaffIdentity,
  request: OutboundDeliveriesRequest,
): Promise<OutboundDeliveriesResponse> {
  if (!hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'supervisor_required', 'Only supervisors and admins can read the outbound delivery log.');
  }
  const limit = Math.min(Math.max(1, request.limit ?? DELIVERY_LOG_PAGE), DELIVERY_LOG_MAX);
  const rows = await deps.store.listDeliveries({ ...request, limit });
  return {
    deliveries: rows.map((d) => ({
      eventId: d.eventId,
      endpointId: d.endpointId,
      type: d.type,
      conversationId: d.conversationId,
      state: d.state,
      attempts: d.attempts,
      nextAttemptAt: d.state === 'pending' ? d.nextAttemptAt : null,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    })),
  };
}
