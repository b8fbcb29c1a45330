import { RECORDING_NOTICE } from '../domain/consent';
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
import { assertConversationOpen } from './privacy/conversation-open';
import { noteVideoOffered } from './support/note-video-offered';

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
export async function escalate(
  deps: CoreDeps,
  staff: StaffIdentity,
  conversationId: string,
  context: { userAgent?: string; viaSuggestion?: boolean; message?: string } = {},
): Promise<EscalateResult> {
  if (!hasRole(staff, 'agent', 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'role_required', 'Only agents can escalate a conversation to video.');
  }
  const conversation = await deps.conversations.get(conversationId);
  if (!conversation) throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');

  const existing = await deps.escalations.findActiveByConversation(conversationId);
  if (existing) return reenter(deps, staff, existing);
  await assertConversationOpen(deps, conversationId);

  const id = deps.newId();
  const roomName = `esc-${id}`;
  const recording = deps.config.RECORDING_ENABLED;
  const room = await deps.rooms.createRoom({ name: roomName, recording, maxParticipants: deps.config.MAX_PARTICIPANTS });
  const now = deps.clock.now();
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
  if (!(await deps.escalations.insert(escalation))) {
    // Another Escalate (a double click, a second tab) won the race: the store keeps one active call
    // per conversation. Close the room made for nothing and open the winner's call instead.
    await deps.rooms.endRoom({ name: roomName, sid: room.sid });
    const winner = await deps.escalations.findActiveByConversation(conversationId);
    if (!winner) throw new DomainError('conflict', 'escalation_changed', 'The video call changed meanwhile. Please try again.');
    return reenter(deps, staff, winner);
  }
  if (recording) await recordAgentConsent(deps, staff, escalation, context.userAgent);

  const customerLink = await postLink(deps, staff, escalation, context.message);
  await noteVideoOffered(deps, conversationId, 'call', context.viaSuggestion === true);
  await deps.conversations.mergeAttributes(conversationId, {
    videoEscalation: { escalationId: id, roomName, status: 'active', startedAt: escalation.createdAt },
  });

  return { escalation, customerLink, agentAccess: await agentAccess(deps, escalation, staff), reused: false };
}

/**
 * Reopens a call that is still open. Only its agent or a supervisor may: anyone else would get the
 * customer's link and a media grant to someone else's call. If the customer's link has expired
 * meanwhile, a fresh one replaces it (the old link stops working); otherwise nothing is posted.
 */
async function reenter(deps: CoreDeps, staff: StaffIdentity, existing: Escalation): Promise<EscalateResult> {
  const owner = existing.agentIdentity === staff.identity;
  if (!owner && !hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'call_owned_by_another_agent', `${existing.agentName} is already on a video call with this customer.`);
  }
  const now = deps.clock.now();
  const expired = new Date(existing.linkExpiresAt).getTime() <= now.getTime();
  const escalation = expired ? await reissueLink(deps, staff, existing, now) : existing;
  return {
    escalation,
    customerLink: await linkFor(deps, escalation),
    agentAccess: await agentAccess(deps, escalation, staff),
    reused: !expired,
  };
}

/** The agent starts the recorded call: their consent to the notice is recorded like the customer's. */
async function recordAgentConsent(deps: CoreDeps, staff: StaffIdentity, e: Escalation, userAgent = ''): Promise<void> {
  await deps.consents.record({
    id: deps.newId(),
    escalationId: e.id,
    roomName: e.roomName,
    participantIdentity: agentParticipantIdentity(staff.identity),
    role: 'agent',
    noticeVersion: RECORDING_NOTICE.version,
    noticeText: RECORDING_NOTICE.text,
    userAgent: userAgent.slice(0, 512),
    consentedAt: e.createdAt,
  });
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
async function postLink(deps: CoreDeps, staff: StaffIdentity, e: Escalation, message?: string): Promise<string> {
  const customerLink = await linkFor(deps, e);
  await deps.conversations.postMessage(e.conversationId, {
    author: staff.name,
    body: `${message?.trim() || `${staff.name} invited you to a video call.`} Join here: ${customerLink}`,
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
