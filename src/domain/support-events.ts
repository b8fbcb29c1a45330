/**
 * The support event log (#20): append-only facts about a ticket (a conversation), on both back
 * ends, from which every metric of the dashboard is computed. An event holds counts, times, sides
 * and choices, never what anyone wrote or said: a message is "the customer wrote at 10:02, with an
 * image", not its text. Erasure removes the customer's events (SupportEventStore.eraseCustomer).
 */

export type SupportSide = 'customer' | 'agent';
export type VideoMedium = 'call' | 'clip';

/** Why the detector offered video (src/core/support/suggestions). Codes only: no text is kept. */
export const SUGGESTION_REASONS = ['hard_to_explain', 'many_exchanges', 'image_not_enough', 'asked_for_video'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/** How a ticket came to be resolved. */
export type ResolutionSource = 'agent' | 'task_completed' | 'conversation_closed';

export type SupportEvent =
  /** One chat message: who wrote it and whether it carried media (an image, a file). */
  | { kind: 'message'; side: SupportSide; hasMedia: boolean }
  /** An agent took the ticket (Flex: task accepted; locally: the console opened it). */
  | { kind: 'agent_joined'; agent: string; team?: string }
  /** The agent offered video: a live call or a clip request; by a suggestion or on their own. */
  | { kind: 'video_offered'; medium: VideoMedium; viaSuggestion: boolean }
  /** The customer first joined a call (`callId`: the escalation); a rejoin is not a new start. */
  | { kind: 'call_started'; callId: string }
  | { kind: 'call_ended'; callId: string; seconds: number }
  /** A clip went into the conversation; `side` is its author. */
  | { kind: 'clip_sent'; side: SupportSide; clipId: string; seconds: number }
  /** A clip was watched; `side` is the viewer's. Recorded once when opened, again when watched through. */
  | { kind: 'clip_watched'; side: SupportSide; clipId: string; completed: boolean }
  | { kind: 'resolved'; by: string; source: ResolutionSource; disposition?: string }
  /** The survey's first answer: "Did this solve your problem?" */
  | { kind: 'confirmed'; solved: boolean }
  /** The survey's second answer, 1–5. */
  | { kind: 'csat'; score: number }
  /** The browser's `Intl` time zone of one side (IANA name). */
  | { kind: 'time_zone'; side: SupportSide; zone: string }
  | { kind: 'suggestion_shown'; reasons: SuggestionReason[] }
  | { kind: 'suggestion_accepted'; medium: VideoMedium }
  | { kind: 'suggestion_dismissed' };

export type SupportEventKind = SupportEvent['kind'];

export interface SupportEventRecord {
  id: string;
  /** The ticket: one conversation is one ticket. */
  conversationId: string;
  /** ISO-8601 UTC. */
  at: string;
  event: SupportEvent;
}

/** The survey's answers are kept once per ticket: a repeat changes nothing. These kinds carry a key. */
export const ONCE_PER_TICKET: ReadonlySet<SupportEventKind> = new Set(['confirmed', 'csat']);

/** The side an event belongs to, for erasure: the customer's events go with the customer. */
export function sideOf(event: SupportEvent): SupportSide | null {
  switch (event.kind) {
    case 'message':
    case 'clip_sent':
    case 'clip_watched':
    case 'time_zone':
      return event.side;
    case 'confirmed':
    case 'csat':
      return 'customer';
    default:
      return null;
  }
}
