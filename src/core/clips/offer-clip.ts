import type { OfferClipResponse } from '../../api/contract';
import { DomainError } from '../../domain/errors';
import { agentParticipantIdentity, customerParticipantIdentity } from '../../domain/escalation';
import type { Clip } from '../../domain/clip';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import { MESSAGE_TYPES } from '../../domain/message-types';
import type { CoreDeps } from '../deps';
import { assertConversationOpen } from '../privacy/conversation-open';
import { saveClip } from './clip-save';
import { revokedLinkId } from '../../domain/link-revocation';
import { noteVideoOffered } from '../support/note-video-offered';

async function staffConversation(deps: CoreDeps, staff: StaffIdentity, conversationId: string): Promise<void> {
  if (!hasRole(staff, 'agent', 'supervisor', 'admin')) throw new DomainError('forbidden', 'role_required', 'Agents only.');
  if (!(await deps.conversations.get(conversationId))) throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');
  await assertConversationOpen(deps, conversationId);
}

function newClip(deps: CoreDeps, staff: StaffIdentity, conversationId: string, author: Pick<Clip, 'authorRole' | 'authorIdentity' | 'authorName'>): Clip {
  const now = deps.clock.now().toISOString();
  return {
    id: deps.newId(),
    conversationId,
    ...author,
    agentIdentity: staff.identity,
    agentName: staff.name,
    take: 0,
    status: 'offered',
    recordedSeconds: 0,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The agent asks the customer for a clip: a recording link, bound to this conversation, expiring
 * and replaceable like a call link, is posted into the chat.
 */
export async function offerClip(
  deps: CoreDeps,
  staff: StaffIdentity,
  conversationId: string,
  options: { viaSuggestion?: boolean; message?: string } = {},
): Promise<OfferClipResponse> {
  await staffConversation(deps, staff, conversationId);
  await revokeUnusedLinks(deps, conversationId);
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.LINK_TTL_SECONDS * 1000);
  const clip: Clip = {
    ...newClip(deps, staff, conversationId, {
      authorRole: 'customer',
      authorIdentity: customerParticipantIdentity(deps.newId()),
      authorName: 'Customer',
    }),
    linkId: deps.newId(),
    linkExpiresAt: expiresAt.toISOString(),
  };
  await deps.clips.insert(clip);
  const token = await deps.links.signClip({
    clipId: clip.id,
    conversationId,
    customerIdentity: clip.authorIdentity,
    linkId: clip.linkId as string,
    expiresAt,
  });
  const url = deps.links.clipUrl(token);
  await deps.conversations.postMessage(conversationId, {
    author: staff.name,
    body: `${options.message?.trim() || `${staff.name} asked you for a short video.`} Record it here: ${url}`,
    attributes: { type: MESSAGE_TYPES.clipRequest, clipId: clip.id, url, expiresAt: clip.linkExpiresAt },
  });
  await noteVideoOffered(deps, conversationId, 'clip', options.viaSuggestion === true);
  return { clipId: clip.id, url, expiresAt: expiresAt.toISOString() };
}

/**
 * A new request replaces the customer's older links that recorded nothing yet: the chat keeps one
 * way to record, and an old link left in a shared screen or a forwarded message stops working.
 * A link whose take is open or waiting to be sent keeps working, so nothing recorded is lost.
 */
async function revokeUnusedLinks(deps: CoreDeps, conversationId: string): Promise<void> {
  for (const old of await deps.clips.listByConversation(conversationId)) {
    if (old.authorRole !== 'customer' || !old.linkId || (old.status !== 'offered' && old.status !== 'discarded')) continue;
    await saveClip(deps, old, { linkId: revokedLinkId(deps.newId()) }).catch(() => undefined);
  }
}

/** What an agent's recorder shows before the first take: a clip not stored until it starts. */
export async function draftAgentClip(deps: CoreDeps, staff: StaffIdentity, conversationId: string): Promise<Clip> {
  // No id yet: the recorder keeps naming the conversation until `start` stores the clip.
  return { ...(await agentClip(deps, staff, conversationId)), id: '' };
}

/** An agent starts recording a clip of their own into a conversation (a reply). */
export async function newAgentClip(deps: CoreDeps, staff: StaffIdentity, conversationId: string): Promise<Clip> {
  const clip = await agentClip(deps, staff, conversationId);
  await deps.clips.insert(clip);
  return clip;
}

async function agentClip(deps: CoreDeps, staff: StaffIdentity, conversationId: string): Promise<Clip> {
  await staffConversation(deps, staff, conversationId);
  return newClip(deps, staff, conversationId, {
    authorRole: 'agent',
    authorIdentity: agentParticipantIdentity(staff.identity),
    authorName: staff.name,
  });
}
