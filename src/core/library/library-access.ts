import type { LibraryFilter } from '../../api/library-contract';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { LibraryQueryFilter, LibraryRecord, RecordingLibrary } from '../../ports/recording-library';
import type { LibraryDeps } from './library-deps';

/**
 * Supervisors and admins see every recording; an agent sees only their own, whatever the page
 * asks: asking for another agent's recordings is a 403 (said plainly, rather than an empty list
 * that reads like "they have none"). Customers never reach here: the Functions want a staff token.
 */
export function ownerScope(staff: StaffIdentity, requested?: string): string | undefined {
  if (hasRole(staff, 'supervisor', 'admin')) return requested;
  if (!hasRole(staff, 'agent')) throw notAllowed();
  if (requested !== undefined && requested !== staff.identity) throw notAllowed();
  return staff.identity;
}

export const mayOpen = (staff: StaffIdentity, record: LibraryRecord): boolean =>
  hasRole(staff, 'supervisor', 'admin') || (hasRole(staff, 'agent') && record.agentIdentity === staff.identity);

export const notAllowed = () => new DomainError('forbidden', 'not_allowed', "You may only see your own recordings.");

const DAY_MS = 86_400_000;

/**
 * The filter the store applies: the caller's scope, and dates as ISO instants. `to` is inclusive:
 * a bare day runs to its end, a time includes that very millisecond.
 */
export function queryFilter(staff: StaffIdentity, f: LibraryFilter): LibraryQueryFilter {
  const agentIdentity = ownerScope(staff, f.agentIdentity);
  const day = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  return {
    ...(agentIdentity !== undefined ? { agentIdentity } : {}),
    ...(f.from ? { endedFrom: new Date(Date.parse(f.from)).toISOString() } : {}),
    ...(f.to ? { endedBefore: new Date(Date.parse(f.to) + (day(f.to) ? DAY_MS : 1)).toISOString() } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.minSeconds !== undefined ? { minSeconds: f.minSeconds } : {}),
    ...(f.maxSeconds !== undefined ? { maxSeconds: f.maxSeconds } : {}),
    ...(f.state ? { state: f.state } : {}),
  };
}

/** The library the pipeline keeps; a back end without one cannot answer (a 5xx: our fault, not the caller's). */
export function libraryOf(deps: LibraryDeps): RecordingLibrary {
  if (!deps.pipeline.library) throw new Error('this back end keeps no recordings library');
  return deps.pipeline.library;
}
