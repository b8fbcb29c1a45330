import type { ReviewResponse, StaffStamp } from '../../api/transcript-corrections-contract';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { AuditAction } from '../../domain/privacy';
import type { LibraryRecord } from '../../ports/recording-library';
import { libraryFor, type CorrectionDeps } from './correction-deps';
import { mayOpen, notAllowed } from './library-access';

const stampOf = (deps: CorrectionDeps, staff: StaffIdentity): StaffStamp => ({
  identity: staff.identity,
  ...(staff.name ? { name: staff.name } : {}),
  at: deps.clock.now().toISOString(),
});

async function openable(deps: CorrectionDeps, staff: StaffIdentity, recordingId: string): Promise<LibraryRecord> {
  const record = await libraryFor(deps).get(recordingId);
  if (!record) throw new DomainError('not_found', 'recording_not_found', 'No such recording.');
  if (!mayOpen(staff, record)) throw notAllowed();
  return record;
}

async function answer(deps: CorrectionDeps, recordingId: string): Promise<ReviewResponse> {
  const record = await libraryFor(deps).get(recordingId);
  return { recordingId, review: record?.review ?? {} };
}

async function audit(deps: CorrectionDeps, staff: StaffIdentity, action: AuditAction, record: LibraryRecord, at: string): Promise<void> {
  await deps.privacy.appendAudit({
    id: deps.newId(),
    at,
    actor: staff.identity,
    actorName: staff.name,
    action,
    conversationId: record.conversationId,
    subject: record.recordingId,
  });
}

/**
 * Whoever may open a recording (and so correct it) may say they reviewed it; the first mark
 * stays, and only it is audited, so a second click or a retried request changes nothing.
 */
export async function markRecordingReviewed(deps: CorrectionDeps, staff: StaffIdentity, recordingId: string): Promise<ReviewResponse> {
  const record = await openable(deps, staff, recordingId);
  if (!record.review?.reviewed) {
    const stamp = stampOf(deps, staff);
    await libraryFor(deps).markReviewed(recordingId, stamp);
    const after = await libraryFor(deps).get(recordingId);
    // Of two racing marks, the one the store kept is audited by its own author only.
    if (after?.review?.reviewed?.at === stamp.at && after.review.reviewed.identity === staff.identity) await audit(deps, staff, 'recording.reviewed', record, stamp.at);
  }
  return answer(deps, recordingId);
}

/**
 * Supervisors (and admins) flag a ticket: every recording of the recording's conversation, those
 * to come included, shows "Review required" until someone marks it reviewed. Lifting it is the
 * same call with `required: false`. Only a change is audited.
 */
export async function requireReview(deps: CorrectionDeps, staff: StaffIdentity, recordingId: string, required: boolean): Promise<ReviewResponse> {
  if (!hasRole(staff, 'supervisor', 'admin')) throw new DomainError('forbidden', 'supervisor_required', 'Only a supervisor can require review.');
  const record = await openable(deps, staff, recordingId);
  if (Boolean(record.review?.required) !== required) {
    const stamp = stampOf(deps, staff);
    await libraryFor(deps).setReviewRequired(record.conversationId, required ? stamp : null);
    await audit(deps, staff, required ? 'review.required' : 'review.lifted', record, stamp.at);
  }
  return answer(deps, recordingId);
}
