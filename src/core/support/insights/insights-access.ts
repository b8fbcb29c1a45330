import { DomainError } from '../../../domain/errors';
import { hasRole, type StaffIdentity } from '../../../domain/identity';

/** The dashboard and the exports span every agent's tickets: supervisors (and admins) only; agents get a 403. */
export function requireInsightsSupervisor(staff: StaffIdentity): void {
  if (!hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'supervisor_required', 'Only supervisors can see the video insights and export tickets.');
  }
}
