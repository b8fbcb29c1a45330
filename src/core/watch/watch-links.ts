import { randomUUID } from 'node:crypto';
import type { PipelineJob } from '../../domain/pipeline-job';
import { isRevokedLink, revokedLinkId } from '../../domain/link-revocation';
import { addressedToCustomer, customerAccessOf, type WatchLinkState } from '../../domain/watch-link';
import { updateJob } from '../pipeline/job-update';
import type { PipelineDeps } from '../pipeline/deps';
import type { WatchLinkSigning } from './watch-link-signing';

function freshLink(deps: PipelineDeps, signing: WatchLinkSigning): WatchLinkState {
  const issuedAt = Math.floor(deps.clock.now().getTime() / 1000);
  return { linkId: signing.newId(), issuedAt, expiresAt: issuedAt + signing.ttlSeconds };
}

/** May the customer get a link to this recording at all? */
const linkable = (deps: PipelineDeps, job: Pick<PipelineJob, 'kind' | 'clip'>): deps is PipelineDeps & { watchLinks: WatchLinkSigning } =>
  !!deps.watchLinks && addressedToCustomer(job) && customerAccessOf(job, deps.customerRecordingAccess) !== 'none';

/** The link a new job starts with (stored with it, so issuing it costs no write of its own); undefined where none is sent. */
export const initialWatchLink = (deps: PipelineDeps, job: Pick<PipelineJob, 'kind' | 'clip'>): WatchLinkState | undefined =>
  linkable(deps, job) ? freshLink(deps, deps.watchLinks) : undefined;

const urlOf = async (signing: WatchLinkSigning, job: PipelineJob, link: WatchLinkState): Promise<string> =>
  signing.links.watchUrl(await signing.links.signWatch({ recordingId: job.recordingId, conversationId: job.conversationId, ...link }));

/**
 * The recording's watch link for its message, or undefined where the customer gets none (no
 * signer, the customer's own clip, the policy `none`, an erased recording). The job holds its link
 * from the start (roomEnded); each call signs the same token again, so rewriting the message
 * keeps the link an SMS customer already has.
 */
export async function watchUrlFor(deps: PipelineDeps, job: PipelineJob): Promise<string | undefined> {
  if (!linkable(deps, job) || isErased(job)) return undefined;
  const signing = deps.watchLinks;
  let current = job;
  // Jobs stored before watch links (or before the policy allowed one) get theirs now.
  if (!current.watchLink) current = (await updateJob(deps, job.roomName, (j) => (j.watchLink ? null : { watchLink: freshLink(deps, signing) }))).job;
  const link = current.watchLink;
  return link && !isRevokedLink(link.linkId) ? urlOf(signing, current, link) : undefined;
}

/** A newer link for the recording: the one sent before stops working. Undefined where none may be sent. */
export async function replaceWatchLink(deps: PipelineDeps, job: PipelineJob): Promise<{ url: string; expiresAt: Date } | undefined> {
  if (!linkable(deps, job)) return undefined;
  const signing = deps.watchLinks;
  const link = freshLink(deps, signing);
  const { job: replaced } = await updateJob(deps, job.roomName, (j) => (isErased(j) ? null : { watchLink: link }));
  if (replaced.watchLink?.linkId !== link.linkId) return undefined;
  return { url: await urlOf(signing, replaced, link), expiresAt: new Date(link.expiresAt * 1000) };
}

/** Erasure: the link stops opening anything, for good (no new one is issued for the recording either). */
export async function revokeWatchLink(deps: PipelineDeps, roomName: string): Promise<boolean> {
  const { changed } = await updateJob(deps, roomName, (j) =>
    j.watchLink && !isRevokedLink(j.watchLink.linkId) ? { watchLink: { ...j.watchLink, linkId: revokedLinkId(deps.watchLinks?.newId() ?? randomUUID()) } } : null,
  );
  return changed;
}

/** A link this recording still honours (erasure counts and revokes these). */
export const hasLiveWatchLink = (job: PipelineJob): boolean => !!job.watchLink && !isRevokedLink(job.watchLink.linkId);

/** Erased on request: its link was revoked, or (before watch links) its media and transcript went by erasure. */
export const isErased = (job: PipelineJob): boolean =>
  (!!job.watchLink && isRevokedLink(job.watchLink.linkId)) || (job.mediaDeletion?.reason === 'erasure' && !!job.transcriptDeletedAt);
