import type { EraseCustomerResponse, ErasureCounts } from '../../api/privacy-contract';
import { CUSTOMER_VIEWER } from '../../domain/clip-views';
import type { StaffIdentity } from '../../domain/identity';
import { logger } from '../../logger';
import { recordingLeavesPatch } from '../pipeline/text/progress';
import { erasedLinkMessage, erasedRecordingMessage, isUnerasedRecordingMessage } from './erased-messages';
import { eraseRecording } from './erase-recording';
import { countsOf, planConversation, type ConversationErasure } from './erasure-plan';
import { revokedLinkId } from '../../domain/link-revocation';
import { saveClip } from '../clips/clip-save';
import { revokeWatchLink } from '../watch/watch-links';
import { assertErasable, conversationsOf, type ErasureSubject } from './erasure-subject';
import type { ErasureDeps } from './privacy-deps';
import { requirePrivacySupervisor } from './supervisors-only';

/**
 * Erases one customer on request (supervisors only): media, transcripts and captions, link
 * tokens (call, clip and watch links), their viewer events, and the transcript text in posted
 * messages. Consent records stay, and one audit entry (counts, no content) proves it. The dry
 * run counts exactly what the real run then erases; a second run finds nothing. A conversation
 * under legal hold is refused.
 */
export async function eraseCustomer(
  deps: ErasureDeps,
  staff: StaffIdentity,
  request: ErasureSubject & { dryRun: boolean },
): Promise<EraseCustomerResponse> {
  requirePrivacySupervisor(staff);
  const conversationIds = await conversationsOf(deps, request);
  await assertErasable(deps, conversationIds);
  const plans: ConversationErasure[] = [];
  for (const id of conversationIds) plans.push(await planConversation(deps, id));
  if (request.dryRun) return { dryRun: true, counts: countsOf(plans) };

  const counts: ErasureCounts = { conversations: 0, recordings: 0, mediaFiles: 0, transcripts: 0, messages: 0, linkTokens: 0, clipViews: 0 };
  for (const plan of plans) {
    const done = await erasePlan(deps, plan);
    if (Object.values(done).some((n) => n > 0)) counts.conversations++;
    for (const k of Object.keys(done) as (keyof typeof done)[]) counts[k] += done[k];
  }
  if (counts.conversations === 0) return { dryRun: false, counts };
  const auditId = deps.newId();
  await deps.privacy.appendAudit({
    id: auditId,
    at: deps.clock.now().toISOString(),
    actor: staff.identity,
    actorName: staff.name,
    action: 'erasure.performed',
    ...(conversationIds.length === 1 ? { conversationId: conversationIds[0] } : {}),
    subject: 'customerIdentity' in request ? request.customerIdentity : `conversation:${request.conversationId}`,
    details: { ...counts, conversationIds: conversationIds.join(',') },
  });
  logger.info({ auditId, counts }, 'erasure performed');
  return { dryRun: false, counts, auditId };
}

/** Performs one conversation's plan; returns what actually went (the dry run's numbers, if nothing raced). */
async function erasePlan(deps: ErasureDeps, plan: ConversationErasure): Promise<Omit<ErasureCounts, 'conversations'>> {
  const at = deps.clock.now().toISOString();
  const rooms = new Set<string>();
  let mediaFiles = 0;
  let transcripts = 0;
  for (const r of plan.recordings) {
    const done = await eraseRecording(deps, r);
    mediaFiles += done.mediaFiles;
    if (done.transcript) transcripts++;
    if (done.mediaFiles > 0 || done.transcript) rooms.add(r.job.roomName);
  }
  for (const m of plan.messages) {
    const recording = isUnerasedRecordingMessage(m);
    await deps.conversations.updateMessage(plan.conversationId, m.id, recording ? erasedRecordingMessage(m, at) : erasedLinkMessage(m, at));
    if (recording && typeof m.attributes.roomName === 'string') rooms.add(m.attributes.roomName);
  }
  await removeRecordingEntries(deps, plan);
  for (const e of plan.escalationLinks) await deps.escalations.update({ ...e, linkId: revokedLinkId(deps.newId()) });
  // A racing writer (the cap, the author) makes this a 409 clip_changed: the erasure is run again.
  for (const c of plan.clipLinks) await saveClip(deps, c, { linkId: revokedLinkId(deps.newId()) });
  for (const roomName of plan.watchLinks) await revokeWatchLink(deps.pipeline, roomName);
  const clipViews = plan.clipViews > 0 ? await deps.clipViews.deleteViews(plan.clipIds, CUSTOMER_VIEWER) : 0;
  return {
    recordings: rooms.size,
    mediaFiles,
    transcripts,
    messages: plan.messages.length,
    linkTokens: plan.escalationLinks.length + plan.clipLinks.length + plan.watchLinks.length,
    clipViews,
  };
}

/** An erased recording leaves the conversation's `videoRecordings` (an entry left by an older version, or a job erased mid-way). */
async function removeRecordingEntries(deps: ErasureDeps, plan: ConversationErasure): Promise<void> {
  if (plan.recordings.length === 0 || !(await deps.conversations.get(plan.conversationId))) return;
  for (const r of plan.recordings) await deps.conversations.mergeAttributes(plan.conversationId, recordingLeavesPatch(r.job.recordingId));
}
