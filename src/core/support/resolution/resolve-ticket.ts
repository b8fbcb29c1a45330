import type { ResolveTicketResponse, SurveyDelivery, SurveyMessageAttributes } from '../../../api/support-contract';
import type { Conversation } from '../../../domain/conversation';
import { DomainError } from '../../../domain/errors';
import { hasRole, type StaffIdentity } from '../../../domain/identity';
import { MESSAGE_TYPES } from '../../../domain/message-types';
import type { OutboundEvent } from '../../../domain/outbound-events';
import type { ResolutionSource, SupportEventRecord } from '../../../domain/support-events';
import type { CoreDeps } from '../../deps';
import { messageAuthor } from '../../pipeline/job-update';
import { surveyLinkTtlMs } from './survey-link';
import { surveyAttributesOf, surveyBody, surveyKeyOf } from './survey-message';
import { answersOf, resolutionNumber, standingResolution } from './ticket-resolution';

/** Who resolves: an agent (the console's Resolve, the plugin on the task's completion) or the system (a webhook). */
export type Resolver = { kind: 'staff'; staff: StaffIdentity } | { kind: 'system'; id: string };

export interface ResolveTicketInput {
  conversationId: string;
  source: ResolutionSource;
  /** The Flex task's disposition (wrap-up code). */
  disposition?: string;
}

/** Flex wrap-up codes are short; anything longer is not a code. */
export const DISPOSITION_MAX_CHARS = 100;

type Resolved = SupportEventRecord & { event: { kind: 'resolved' } };

/**
 * Resolves a ticket: records `resolved` (by the agent's identity), posts one survey into the chat
 * and publishes `ticket.resolved`. Idempotent: a ticket already resolved and not reopened since
 * records nothing new, and while its survey can still be answered none is posted again; a retry
 * after a crash posts the survey it missed and publishes the same event id (queued once).
 * Answers are kept once per ticket, so an answered ticket gets no second survey, even when the
 * customer said "no" and it was resolved again: a second survey could store nothing.
 */
export async function resolveTicket(deps: CoreDeps, by: Resolver, input: ResolveTicketInput): Promise<ResolveTicketResponse> {
  if (by.kind === 'staff' && !hasRole(by.staff, 'agent', 'supervisor', 'admin')) throw new DomainError('forbidden', 'role_required', 'Agents only.');
  const disposition = input.disposition?.trim() || undefined;
  if (disposition && disposition.length > DISPOSITION_MAX_CHARS) {
    throw new DomainError('invalid_request', 'invalid_request', `A disposition is a code of at most ${DISPOSITION_MAX_CHARS} characters.`);
  }
  const conversation = await deps.conversations.get(input.conversationId);
  if (!conversation) throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');
  const id = conversation.id;

  let events = await deps.supportEvents.list(id);
  let resolved = standingResolution(events);
  const alreadyResolved = resolved !== null;
  if (!resolved) {
    const who = by.kind === 'staff' ? by.staff.identity : by.id;
    const { record } = await deps.supportEvents.append(id, { kind: 'resolved', by: who, source: input.source, ...(disposition ? { disposition } : {}) }, deps.clock.now());
    if (!record) throw new Error(`the support event store kept no resolution of ${id}`);
    resolved = record as Resolved;
    events = [...events, record];
  }
  const resolution = resolutionNumber(events, resolved);
  const survey = await ensureSurvey(deps, conversation, resolved, events, by);
  await deps.outbound.publish(ticketResolved(id, resolved, resolution));
  return { conversationId: id, resolvedAt: resolved.at, resolution, alreadyResolved, survey };
}

/** The same fact always makes the same event: a repeat or a retry is queued once. */
function ticketResolved(conversationId: string, resolved: Resolved, resolution: number): OutboundEvent {
  const { by, source, disposition } = resolved.event;
  return {
    id: `ticket.resolved:${conversationId}:${resolution}`,
    type: 'ticket.resolved',
    occurredAt: resolved.at,
    conversationId,
    data: { resolution, source, disposition: disposition ?? null, resolvedBy: by },
  };
}

async function ensureSurvey(deps: CoreDeps, conversation: Conversation, resolved: Resolved, events: SupportEventRecord[], by: Resolver): Promise<SurveyDelivery> {
  const answers = answersOf(events);
  if (answers.solved !== null || answers.score !== null) return 'answered';
  // On Twilio a closed conversation takes no more messages.
  if (conversation.state === 'closed' || (await deps.privacy.getClosure(conversation.id))) return 'not_sent';
  const key = surveyKeyOf(resolved.id);
  const now = deps.clock.now();
  const surveys = (await deps.conversations.listMessages(conversation.id)).map(surveyAttributesOf).filter((s) => s !== null);
  const live = (s: { expiresAt: string }) => Date.parse(s.expiresAt) > now.getTime();
  const own = surveys.find((s) => s.idempotencyKey === key);
  // This resolution's survey went out already (a repeat): never a second one for it.
  if (own) return live(own) ? 'pending' : 'expired';
  if (surveys.some(live)) return 'pending';
  await postSurvey(deps, conversation.id, key, by);
  return 'posted';
}

async function postSurvey(deps: CoreDeps, conversationId: string, idempotencyKey: string, by: Resolver): Promise<void> {
  const linkId = deps.newId();
  const expiresAt = new Date(deps.clock.now().getTime() + surveyLinkTtlMs(deps.config));
  const url = deps.links.surveyUrl(await deps.links.signSurvey({ conversationId, linkId, expiresAt }));
  const attributes: SurveyMessageAttributes = {
    type: MESSAGE_TYPES.survey,
    surveyId: linkId,
    url,
    expiresAt: expiresAt.toISOString(),
    idempotencyKey,
    ...(by.kind === 'staff' ? { agentName: by.staff.name } : {}),
  };
  await deps.conversations.postMessage(conversationId, {
    author: by.kind === 'staff' ? by.staff.name : messageAuthor(deps.pipeline),
    body: surveyBody(url),
    attributes: { ...attributes },
  });
}
