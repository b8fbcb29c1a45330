import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';

/** Erasure, storage and the audit log are for supervisors (and admins); agents get a 403. */
export function requirePrivacySupervisor(staff: StaffIdentity): void {
  if (!hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'supervisor_required', 'Only supervisors can erase customer data, see storage usage or read the audit log.');
  }
}
