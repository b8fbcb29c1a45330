import type { AuditLogResponse } from '../../api/privacy-contract';
import type { StaffIdentity } from '../../domain/identity';
import type { PrivacyStore } from '../../ports/privacy-store';
import { requirePrivacySupervisor } from './supervisors-only';

export const AUDIT_PAGE = 100;

/** The audit trail, newest first (supervisors only): closes, holds, deletions and erasures, no content. */
export async function auditLog(
  deps: { privacy: Pick<PrivacyStore, 'listAudit'> },
  staff: StaffIdentity,
  filter: { conversationId?: string; limit?: number },
): Promise<AuditLogResponse> {
  requirePrivacySupervisor(staff);
  return { entries: await deps.privacy.listAudit({ conversationId: filter.conversationId, limit: filter.limit ?? AUDIT_PAGE }) };
}
