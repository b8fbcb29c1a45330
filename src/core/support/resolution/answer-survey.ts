import type { SurveyAnswerResponse, SurveyAnswers } from '../../../api/support-contract';
import type { ConversationMessage } from '../../../domain/conversation';
import { DomainError } from '../../../domain/errors';
import type { OutboundEvent } from '../../../domain/outbound-events';
import type { SupportEventRecord } from '../../../domain/support-events';
import type { CoreDeps } from '../../deps';
import { noteCustomerTimeZone } from './customer-time-zone';
import { surveyView } from './open-survey';
import { openSurveyLink } from './survey-link';
import { answerRecordOf, answersOf } from './ticket-resolution';

export const CSAT_MIN = 1;
export const CSAT_MAX = 5;

export interface SurveyAnswerInput {
  solved?: boolean;
  score?: number;
  timeZone?: string;
}

/**
 * Stores the customer's answers: `confirmed` for "Did this solve your problem?", `csat` for the
 * 1–5 score. Each is kept once per ticket: a repeat changes nothing, and the answer says which
 * answers were kept and what the ticket holds. `csat.received` is published when the score is
 * stored (one event id per ticket, so a retry is queued once). The survey message gains the
 * answers, so the chat's card says "Thank you".
 */
export async function answerSurvey(deps: CoreDeps, linkToken: string, input: SurveyAnswerInput): Promise<SurveyAnswerResponse> {
  if (input.solved === undefined && input.score === undefined) throw new DomainError('invalid_request', 'answer_required', 'Answer at least one question.');
  if (input.score !== undefined && !(Number.isInteger(input.score) && input.score >= CSAT_MIN && input.score <= CSAT_MAX)) {
    throw new DomainError('invalid_request', 'score_invalid', `Choose a whole number from ${CSAT_MIN} to ${CSAT_MAX}.`);
  }
  const opened = await openSurveyLink(deps, linkToken);
  const id = opened.claims.conversationId;
  await noteCustomerTimeZone(deps, id, await deps.supportEvents.list(id), input.timeZone);

  const kept: SurveyAnswerResponse['kept'] = [];
  if (input.solved !== undefined) {
    const { appended } = await deps.supportEvents.append(id, { kind: 'confirmed', solved: input.solved }, deps.clock.now());
    if (!appended) kept.push('solved');
  }
  if (input.score !== undefined) {
    const { appended } = await deps.supportEvents.append(id, { kind: 'csat', score: input.score }, deps.clock.now());
    if (!appended) kept.push('score');
  }
  const events = await deps.supportEvents.list(id);
  const answers = answersOf(events);
  // Published on every answer that carries a score, new or kept: a retry after a crash publishes what it missed.
  const received = input.score !== undefined ? csatReceived(id, events, answers) : null;
  if (received) await deps.outbound.publish(received);
  await showAnswers(deps, opened.message, answers);
  return { ...surveyView(opened, events), kept };
}

function csatReceived(conversationId: string, events: readonly SupportEventRecord[], answers: SurveyAnswers): OutboundEvent | null {
  const record = answerRecordOf(events, 'csat');
  if (!record || answers.score === null) return null;
  return {
    id: `csat.received:${conversationId}`,
    type: 'csat.received',
    occurredAt: record.at,
    conversationId,
    data: { score: answers.score, solved: answers.solved },
  };
}

/** The survey message carries the ticket's answers (ids and state only), updated when they change. */
async function showAnswers(deps: CoreDeps, message: ConversationMessage, answers: SurveyAnswers): Promise<void> {
  const shown = {
    ...(answers.solved !== null ? { solved: answers.solved } : {}),
    ...(answers.score !== null ? { score: answers.score } : {}),
  };
  if (JSON.stringify(message.attributes.answers ?? {}) === JSON.stringify(shown)) return;
  await deps.conversations.updateMessage(message.conversationId, message.id, { attributes: { ...message.attributes, answers: shown } });
}
