import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';

/** Live calls and monitoring are for supervisors (and admins); agents get a 403. */
export function requireSupervisor(staff: StaffIdentity): void {
  if (!hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'supervisor_required', 'Only supervisors can see and monitor live calls.');
  }
}
