import type { SuggestionReason } from '../domain/support-events';

/** A video suggestion waiting for the agent (#20): why, in words, and the invitation ready to send. */
export interface VideoSuggestion {
  /** When the detector raised it. */
  at: string;
  reasons: SuggestionReason[];
  /** One sentence per reason, for the agent (the customer's words are never stored, so none are quoted). */
  explanation: string[];
  /** The seed's template filled with the customer's name: the words that go before the link. */
  messages: { clip: string; call: string };
}

/** The video facts of a ticket, as Flex Insights' task attributes take them at completion. */
export interface TicketVideoFacts {
  videoUsed: boolean;
  calls: number;
  callSeconds: number;
  customerClips: number;
  agentClips: number;
  clipSeconds: number;
  customerMessages: number;
  agentMessages: number;
  csat: number | null;
  resolved: boolean;
}

/** POST /support-ticket (agents): the agent's side of a ticket. */
export type SupportTicketRequest =
  /** The agent took the ticket (Flex: task accepted; console: opened). `timeZone`: the browser's IANA zone. */
  | { action: 'joined'; conversationId: string; timeZone?: string; team?: string }
  | { action: 'suggestion'; conversationId: string }
  | { action: 'dismiss'; conversationId: string }
  | { action: 'facts'; conversationId: string };

export type SupportTicketResponse =
  | { action: 'joined'; suggestion: VideoSuggestion | null }
  | { action: 'suggestion'; suggestion: VideoSuggestion | null }
  | { action: 'dismiss'; dismissed: boolean }
  | { action: 'facts'; facts: TicketVideoFacts };
