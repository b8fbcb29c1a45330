import type { SurveyMessageAttributes } from '../../../api/support-contract';
import type { Config } from '../../../config';
import type { ConversationMessage } from '../../../domain/conversation';
import { DomainError } from '../../../domain/errors';
import type { SurveyLinkClaims } from '../../customer-link';
import type { CoreDeps } from '../../deps';
import { surveyAttributesOf } from './survey-message';

/** How long a survey link works unless configured otherwise (SURVEY_LINK_TTL_DAYS). */
export const DEFAULT_SURVEY_LINK_TTL_DAYS = 7;

/** The survey link's life in milliseconds, from SURVEY_LINK_TTL_DAYS (read defensively until every Config carries it). */
export function surveyLinkTtlMs(config: Config): number {
  const days = (config as Config & { SURVEY_LINK_TTL_DAYS?: number }).SURVEY_LINK_TTL_DAYS;
  return (typeof days === 'number' && days > 0 ? days : DEFAULT_SURVEY_LINK_TTL_DAYS) * 24 * 60 * 60 * 1000;
}

export interface OpenedSurveyLink {
  claims: SurveyLinkClaims;
  message: ConversationMessage;
  survey: SurveyMessageAttributes;
}

/**
 * A verified survey link and the survey message it belongs to, or why it cannot be used:
 * forged, tampered, another kind of link, or a survey no longer in the chat (erased on request):
 * 401 `link_invalid`; past SURVEY_LINK_TTL_DAYS: 401 `link_expired`.
 */
export async function openSurveyLink(deps: Pick<CoreDeps, 'links' | 'clock' | 'conversations'>, linkToken: string): Promise<OpenedSurveyLink> {
  const claims = await deps.links.verifySurvey(linkToken, deps.clock.now());
  const message = await deps.conversations.findMessageByAttribute(claims.conversationId, 'surveyId', claims.linkId);
  const survey = message ? surveyAttributesOf(message) : null;
  if (!message || !survey) throw new DomainError('unauthorized', 'link_invalid', 'This link is not valid.');
  return { claims, message, survey };
}
