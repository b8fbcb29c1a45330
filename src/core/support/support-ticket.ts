import type { SupportTicketRequest, SupportTicketResponse, VideoSuggestion } from '../../api/support-ticket-contract';
import { customerNameOf } from '../../domain/conversation';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { SupportEventRecord } from '../../domain/support-events';
import type { CoreDeps } from '../deps';
import { noteSupportEvent } from './note-support-event';
import { explainReasons } from './suggestions/explain-reasons';
import { suggestionMessage } from './suggestions/suggestion-template';
import { ticketFacts } from './ticket-facts';

/**
 * The agent's side of a ticket (`/support-ticket`): the agent took it (with their time zone and
 * team), the video suggestion waiting for them if any, dismissing it, and the ticket's video facts
 * (Flex Insights' task attributes at completion).
 */
export async function supportTicket(deps: CoreDeps, staff: StaffIdentity, request: SupportTicketRequest): Promise<SupportTicketResponse> {
  if (!hasRole(staff, 'agent', 'supervisor', 'admin')) throw new DomainError('forbidden', 'role_required', 'Agents only.');
  const conversation = await deps.conversations.get(request.conversationId);
  if (!conversation) throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');
  const id = conversation.id;
  switch (request.action) {
    case 'joined': {
      const events = await deps.supportEvents.list(id);
      const joined = events.some((r) => r.event.kind === 'agent_joined' && r.event.agent === staff.identity);
      if (!joined) await noteSupportEvent(deps, id, { kind: 'agent_joined', agent: staff.identity, ...(request.team ? { team: request.team } : {}) });
      if (request.timeZone && lastZone(events, 'agent') !== request.timeZone) await noteSupportEvent(deps, id, { kind: 'time_zone', side: 'agent', zone: request.timeZone });
      return { action: 'joined', suggestion: pendingSuggestion(events, customerNameOf(conversation.attributes), deps.config.CLIP_MAX_SECONDS) };
    }
    case 'suggestion':
      return { action: 'suggestion', suggestion: pendingSuggestion(await deps.supportEvents.list(id), customerNameOf(conversation.attributes), deps.config.CLIP_MAX_SECONDS) };
    case 'dismiss': {
      const pending = pendingSuggestion(await deps.supportEvents.list(id), '', deps.config.CLIP_MAX_SECONDS);
      if (pending) await noteSupportEvent(deps, id, { kind: 'suggestion_dismissed' });
      return { action: 'dismiss', dismissed: pending !== null };
    }
    case 'facts': {
      const { agents: _agents, ...facts } = ticketFacts(await deps.supportEvents.list(id));
      return { action: 'facts', facts };
    }
  }
}

/** The latest suggestion the agent has not yet accepted, dismissed or overtaken by offering video. */
export function pendingSuggestion(events: readonly SupportEventRecord[], customerName: string, clipMaxSeconds: number): VideoSuggestion | null {
  let pending: SupportEventRecord | null = null;
  for (const record of events) {
    const { kind } = record.event;
    if (kind === 'suggestion_shown') pending = record;
    else if (kind === 'suggestion_accepted' || kind === 'suggestion_dismissed' || kind === 'video_offered' || kind === 'resolved') pending = null;
  }
  if (!pending || pending.event.kind !== 'suggestion_shown') return null;
  const name = customerName === 'Customer' ? '' : customerName;
  const minutes = Math.max(1, Math.round(clipMaxSeconds / 60));
  return {
    at: pending.at,
    reasons: pending.event.reasons,
    explanation: explainReasons(pending.event.reasons),
    messages: { clip: suggestionMessage(name, 'clip', minutes), call: suggestionMessage(name, 'call', minutes) },
  };
}

const lastZone = (events: readonly SupportEventRecord[], side: 'agent' | 'customer'): string | null =>
  events.reduce<string | null>((zone, r) => (r.event.kind === 'time_zone' && r.event.side === side ? r.event.zone : zone), null);
