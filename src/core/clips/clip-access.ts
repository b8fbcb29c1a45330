import { DomainError } from '../../domain/errors';
import type { Clip } from '../../domain/clip';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { CoreDeps } from '../deps';

/**
 * Resolves a customer's recording link to its clip, or says precisely why it cannot be used: a
 * forged or foreign link, an expired one, one replaced by a newer link, a clip already sent.
 */
export async function clipOfLink(deps: CoreDeps, linkToken: string): Promise<Clip> {
  const claims = await deps.links.verifyClip(linkToken, deps.clock.now());
  const clip = await deps.clips.get(claims.clipId);
  if (
    !clip ||
    clip.authorRole !== 'customer' ||
    clip.conversationId !== claims.conversationId ||
    clip.authorIdentity !== claims.customerIdentity
  ) {
    throw new DomainError('unauthorized', 'link_invalid', 'This link is not valid.');
  }
  if (clip.linkId !== claims.linkId) throw new DomainError('gone', 'link_revoked', 'This recording link was replaced by a newer one.');
  if (clip.status === 'sent') throw new DomainError('gone', 'clip_sent', 'This clip was already sent.');
  return clip;
}

/** An agent's own clip. Another agent's clip is refused, even to a supervisor: it is someone else's take. */
export async function clipOfAgent(deps: CoreDeps, staff: StaffIdentity, clipId: string): Promise<Clip> {
  if (!hasRole(staff, 'agent', 'supervisor', 'admin')) throw new DomainError('forbidden', 'role_required', 'Agents only.');
  const clip = await deps.clips.get(clipId);
  if (!clip) throw new DomainError('not_found', 'clip_not_found', 'No such clip.');
  if (clip.authorRole !== 'agent' || clip.agentIdentity !== staff.identity) {
    throw new DomainError('forbidden', 'not_your_clip', 'Only the agent who records a clip can change it.');
  }
  if (clip.status === 'sent') throw new DomainError('gone', 'clip_sent', 'This clip was already sent.');
  return clip;
}
