import type { SupportEventRecord, SupportSide } from '../../domain/support-events';
import type { SupportTicketsTable } from './schema';

export type TicketSummary = SupportTicketsTable;

const other = (side: SupportSide): SupportSide => (side === 'customer' ? 'agent' : 'customer');
const flag = (b: boolean): number => (b ? 1 : 0);
const byTime = (a: SupportEventRecord, b: SupportEventRecord): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/**
 * A ticket's summary row from all of its events (any order; ties on time keep the given order).
 * Null when no event is left (all erased). The one definition of every per-ticket figure the
 * metrics sum: the store runs it on each append and erasure, the bench on generated tickets.
 *
 * - opened_at: the first event's time. agent, team: the latest `agent_joined` (a transferred
 *   ticket counts for the agent who ended up with it).
 * - calls: distinct call ids (a repeated start or end is one call); call_seconds: each call's
 *   latest `call_ended` length, summed. video_used: at least one call or `clip_sent`.
 * - clips watched through: distinct clips of one side with a completed `clip_watched` by the other.
 * - resolved_at: the first `resolved`; resolution_seconds: from opened_at to it.
 *   reopened: a customer message after the last `resolved`.
 * - resolved: has a `resolved` and the customer did not answer "no" (`confirmed` solved: false).
 * - first_contact_resolution: resolved, exactly one `resolved`, and not reopened.
 * - csat, confirmed_solved: the (single) answer. Time zones: the latest per side.
 */
export function summarizeTicket(conversationId: string, events: readonly SupportEventRecord[]): TicketSummary | null {
  if (events.length === 0) return null;
  const ordered = [...events].sort(byTime);
  const s: TicketSummary = {
    conversation_id: conversationId,
    opened_at: ordered[0]!.at,
    agent: null,
    team: null,
    video_used: 0,
    customer_messages: 0,
    agent_messages: 0,
    calls: 0,
    call_seconds: 0,
    customer_clips: 0,
    agent_clips: 0,
    customer_clip_seconds: 0,
    agent_clip_seconds: 0,
    customer_clips_watched_by_agent: 0,
    agent_clips_watched_by_customer: 0,
    resolved_at: null,
    resolutions: 0,
    resolution_seconds: null,
    reopened: 0,
    confirmed_solved: null,
    resolved: 0,
    first_contact_resolution: 0,
    csat: null,
    customer_time_zone: null,
    agent_time_zone: null,
    suggestions_shown: 0,
    suggestions_accepted: 0,
    suggestions_dismissed: 0,
  };
  const callSeconds = new Map<string, number>(); // per call: its latest `call_ended` length
  const clipAuthor = new Map<string, SupportSide>();
  const watchedThrough = new Set<string>(); // `${viewer side}:${clipId}`
  let lastResolvedAt: string | null = null;
  let messageAfterResolution = false;

  for (const { at, event } of ordered) {
    switch (event.kind) {
      case 'message':
        if (event.side === 'customer') {
          s.customer_messages += 1;
          if (lastResolvedAt !== null && at > lastResolvedAt) messageAfterResolution = true;
        } else {
          s.agent_messages += 1;
        }
        break;
      case 'agent_joined':
        s.agent = event.agent;
        s.team = event.team ?? null;
        break;
      case 'call_started':
        callSeconds.set(event.callId, callSeconds.get(event.callId) ?? 0);
        break;
      case 'call_ended':
        callSeconds.set(event.callId, event.seconds);
        break;
      case 'clip_sent':
        clipAuthor.set(event.clipId, event.side);
        if (event.side === 'customer') {
          s.customer_clips += 1;
          s.customer_clip_seconds += event.seconds;
        } else {
          s.agent_clips += 1;
          s.agent_clip_seconds += event.seconds;
        }
        break;
      case 'clip_watched':
        if (event.completed) watchedThrough.add(`${event.side}:${event.clipId}`);
        break;
      case 'resolved':
        s.resolutions += 1;
        s.resolved_at ??= at;
        lastResolvedAt = at;
        messageAfterResolution = false;
        break;
      case 'confirmed':
        s.confirmed_solved = flag(event.solved);
        break;
      case 'csat':
        s.csat = event.score;
        break;
      case 'time_zone':
        if (event.side === 'customer') s.customer_time_zone = event.zone;
        else s.agent_time_zone = event.zone;
        break;
      case 'suggestion_shown':
        s.suggestions_shown += 1;
        break;
      case 'suggestion_accepted':
        s.suggestions_accepted += 1;
        break;
      case 'suggestion_dismissed':
        s.suggestions_dismissed += 1;
        break;
      case 'video_offered':
        break;
    }
  }

  for (const [clipId, author] of clipAuthor) {
    if (!watchedThrough.has(`${other(author)}:${clipId}`)) continue;
    if (author === 'customer') s.customer_clips_watched_by_agent += 1;
    else s.agent_clips_watched_by_customer += 1;
  }
  s.calls = [...callSeconds.keys()].length;
  for (const seconds of callSeconds.values()) s.call_seconds += seconds;
  s.video_used = flag(s.calls > 0 || clipAuthor.size > 0);
  s.reopened = flag(messageAfterResolution);
  if (s.resolved_at !== null) s.resolution_seconds = (Date.parse(s.resolved_at) - Date.parse(s.opened_at)) / 1000;
  const resolved = s.resolutions > 0 && s.confirmed_solved !== 0;
  s.resolved = flag(resolved);
  s.first_contact_resolution = flag(resolved && s.resolutions === 1 && !messageAfterResolution);
  return s;
}
