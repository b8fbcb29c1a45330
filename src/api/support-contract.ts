import type { MESSAGE_TYPES } from '../domain/message-types';

/**
 * Resolution and the satisfaction survey (#20): the `/resolve-ticket` and `/survey` Functions'
 * requests and answers, and the survey message's attributes that every chat surface reads.
 */

/** Where a resolution comes from: the agent's Resolve (console), or the Flex task's completion (the plugin). */
export type ResolveSource = 'agent' | 'task_completed';

/** POST /resolve-ticket (agents). */
export interface ResolveTicketRequest {
  conversationId: string;
  source: ResolveSource;
  /** The Flex task's disposition (wrap-up code), when there is one. */
  disposition?: string;
}

/**
 * Where the ticket's survey stands after the call: posted by this call; already in the chat and
 * answerable; already answered (answers are kept once per ticket); this resolution's survey
 * expired unanswered; or not sent (a closed conversation takes no messages).
 */
export type SurveyDelivery = 'posted' | 'pending' | 'answered' | 'expired' | 'not_sent';

export interface ResolveTicketResponse {
  conversationId: string;
  /** When the standing resolution was recorded: this call's, or the earlier one it repeated. */
  resolvedAt: string;
  /** 1 for the ticket's first resolution, 2 after it was reopened and resolved again, … */
  resolution: number;
  /** The ticket was already resolved and not reopened since: nothing new was recorded. */
  alreadyResolved: boolean;
  survey: SurveyDelivery;
}

/**
 * POST /survey: the customer's survey page, known by the survey link's token, which rides in the
 * body (never in a URL). `open` says what the page shows; `answer` stores one or both answers.
 * `timeZone` is the browser's IANA zone, sent with the page's first call.
 */
export type SurveyRequest =
  | { action: 'open'; linkToken: string; timeZone?: string }
  | { action: 'answer'; linkToken: string; solved?: boolean; score?: number; timeZone?: string };

/** The ticket's answers: null where not given yet. */
export interface SurveyAnswers {
  /** "Did this solve your problem?" */
  solved: boolean | null;
  /** "How satisfied are you?" 1 (very dissatisfied) to 5 (very satisfied). */
  score: number | null;
}

/** What the survey page shows for a link. */
export interface SurveyView {
  answers: SurveyAnswers;
  /** The agent who resolved the ticket ("your chat with Alex"); null when no agent is named. */
  agentName: string | null;
  /** When the survey was posted into the chat. */
  askedAt: string;
  /** When the link stops working. */
  expiresAt: string;
}

/** `answer`: the ticket's answers now, and which of the answers sent were already stored and kept as they were. */
export interface SurveyAnswerResponse extends SurveyView {
  kept: ('solved' | 'score')[];
}

export type SurveyResponse = SurveyView | SurveyAnswerResponse;

/** The survey message's attributes (ids, state and the link; the body carries the same link for SMS). */
export interface SurveyMessageAttributes {
  type: typeof MESSAGE_TYPES.survey;
  /** The survey link's id (the token's `jti`). */
  surveyId: string;
  url: string;
  expiresAt: string;
  /** `survey:<resolved event id>`: one survey per resolution, even when a request is retried. */
  idempotencyKey: string;
  agentName?: string;
  /** Filled in as the customer answers, so the chat's card can say "Thank you". */
  answers?: { solved?: boolean; score?: number };
}
