import { DomainError } from '../domain/errors';
import {
  agentParticipantIdentity,
  customerParticipantIdentity,
  type Escalation,
  type MediaAccess,
} from '../domain/escalation';
import { hasRole, type StaffIdentity } from '../domain/identity';
import { MESSAGE_TYPES } from '../domain/message-types';
import type { CoreDeps } from './deps';

export interface EscalateResult {
  escalation: Escalation;
  customerLink: string;
  agentAccess: MediaAccess;
  /** True when the conversation already had a live escalation: nothing new was posted. */
  reused: boolean;
}

export const LINK_MESSAGE_TYPE = MESSAGE_TYPES.link;

/**
 * Moves a chat conversation to video: a room, a signed customer link posted into the chat, and
 * the agent's own access. Escalating a conversation that is already on video reopens that call
 * instead of posting a second link.
 */
export async function escalate(deps: CoreDeps, staff: StaffIdentity, conversationId: string): Promise<EscalateResult> {
  if (!hasRole(staff, 'agent', 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'role_required', 'Only agents can escalate a conversation to video.');
  }
  const conversation = await deps.conversations.get(conversationId);
  if (!conversation) throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');

  const now = deps.clock.now();
  const existing = await deps.escalations.findActiveByConversation(conversationId);
  if (existing) {
    // The call is still open. If the customer's link has expired meanwhile, a fresh one replaces it
    // (the old link stops working); otherwise nothing new is posted.
    const expired = new Date(existing.linkExpiresAt).getTime() <= now.getTime();
    const escalation = expired ? await reissueLink(deps, staff, existing, now) : existing;
    return {
      escalation,
      customerLink: await linkFor(deps, escalation),
      agentAccess: await agentAccess(deps, escalation, staff),
      reused: !expired,
    };
  }

  const id = deps.newId();
  const roomName = `esc-${id}`;
  const recording = deps.config.RECORDING_ENABLED;
  const room = await deps.rooms.createRoom({ name: roomName, recording, maxParticipants: deps.config.MAX_PARTICIPANTS });
  const escalation: Escalation = {
    id,
    conversationId,
    roomName,
    roomSid: room.sid,
    agentIdentity: staff.identity,
    agentName: staff.name,
    customerIdentity: customerParticipantIdentity(deps.newId()),
    linkId: deps.newId(),
    linkExpiresAt: new Date(now.getTime() + deps.config.LINK_TTL_SECONDS * 1000).toISOString(),
    recording,
    status: 'active',
    createdAt: now.toISOString(),
  };
  await deps.escalations.insert(escalation);

  const customerLink = await postLink(deps, staff, escalation);
  await deps.conversations.mergeAttributes(conversationId, {
    videoEscalation: { escalationId: id, roomName, status: 'active', startedAt: escalation.createdAt },
  });

  return { escalation, customerLink, agentAccess: await agentAccess(deps, escalation, staff), reused: false };
}

/** A new link (new id, new expiry) for a call still open, posted like the first; the old one stops working. */
async function reissueLink(deps: CoreDeps, staff: StaffIdentity, e: Escalation, now: Date): Promise<Escalation> {
  const renewed: Escalation = {
    ...e,
    linkId: deps.newId(),
    linkExpiresAt: new Date(now.getTime() + deps.config.LINK_TTL_SECONDS * 1000).toISOString(),
  };
  await deps.escalations.update(renewed);
  await postLink(deps, staff, renewed);
  return renewed;
}

/** Posts the customer's invitation into the chat; the UIs render it by these attributes. */
async function postLink(deps: CoreDeps, staff: StaffIdentity, e: Escalation): Promise<string> {
  const customerLink = await linkFor(deps, e);
  await deps.conversations.postMessage(e.conversationId, {
    author: staff.name,
    body: `${staff.name} invited you to a video call. Join here: ${customerLink}`,
    attributes: {
      type: LINK_MESSAGE_TYPE,
      escalationId: e.id,
      roomName: e.roomName,
      url: customerLink,
      expiresAt: e.linkExpiresAt,
      recording: e.recording,
    },
  });
  return customerLink;
}

async function linkFor(deps: CoreDeps, e: Escalation): Promise<string> {
  const token = await deps.links.sign({
    escalationId: e.id,
    conversationId: e.conversationId,
    roomName: e.roomName,
    customerIdentity: e.customerIdentity,
    linkId: e.linkId,
    expiresAt: new Date(e.linkExpiresAt),
  });
  return deps.links.url(token);
}

function agentAccess(deps: CoreDeps, e: Escalation, staff: StaffIdentity): Promise<MediaAccess> {
  return deps.rooms.grantAccess(
    { name: e.roomName, sid: e.roomSid },
    {
      identity: agentParticipantIdentity(staff.identity),
      displayName: staff.name,
      role: 'agent',
      ttlSeconds: deps.config.ACCESS_TTL_SECONDS,
    },
  );
}
