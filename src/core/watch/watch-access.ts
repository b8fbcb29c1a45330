import { DomainError } from '../../domain/errors';
import type { PipelineJob } from '../../domain/pipeline-job';
import { customerAccessOf } from '../../domain/watch-link';
import type { WatchLinkClaims } from '../customer-link';
import type { CoreDeps } from '../deps';
import { isErased } from './watch-links';

/** A verified watch link: its recording, and what the policy gives the customer of it. */
export interface WatchedRecording {
  job: PipelineJob;
  claims: WatchLinkClaims;
  access: 'video' | 'transcript';
}

/**
 * Resolves a watch link to its recording, or says precisely why it cannot be used:
 * - forged, tampered, another kind of link, a recording that does not exist: 401 `link_invalid`;
 * - expired (WATCH_LINK_TTL_DAYS): 401 `link_expired`;
 * - signed for a recording of another conversation: 403 `not_allowed`;
 * - the recording was erased on request: 410 `recording_erased`;
 * - a newer link to the recording was sent: 410 `link_revoked`;
 * - the policy shares no recording with customers (CUSTOMER_RECORDING_ACCESS=none): 403 `not_allowed`.
 * A closed conversation does not close the link: the customer may watch until it expires, as retention allows.
 */
export async function recordingOfWatchLink(deps: CoreDeps, linkToken: string): Promise<WatchedRecording> {
  const claims = await deps.links.verifyWatch(linkToken, deps.clock.now());
  const job = await deps.pipeline.store.getByRecordingId(claims.recordingId);
  if (!job || !job.watchLink) throw new DomainError('unauthorized', 'link_invalid', 'This link is not valid.');
  if (job.conversationId !== claims.conversationId) throw new DomainError('forbidden', 'not_allowed', 'This link is for another conversation.');
  if (isErased(job)) throw new DomainError('gone', 'recording_erased', 'This recording was removed on request.');
  if (job.watchLink.linkId !== claims.linkId) {
    throw new DomainError('gone', 'link_revoked', 'A newer link to this recording was sent: use the latest one in your chat.');
  }
  const access = customerAccessOf(job, deps.pipeline.customerRecordingAccess);
  if (access === 'none') throw new DomainError('forbidden', 'not_allowed', 'Recordings stay with the support team. Ask the agent if you need one.');
  return { job, claims, access };
}
