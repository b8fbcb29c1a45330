import type { SurveyView } from '../../../api/support-contract';
import type { SupportEventRecord } from '../../../domain/support-events';
import type { CoreDeps } from '../../deps';
import { noteCustomerTimeZone } from './customer-time-zone';
import { openSurveyLink, type OpenedSurveyLink } from './survey-link';
import { answersOf } from './ticket-resolution';

/**
 * What the survey page shows for a link: the answers the ticket already holds (a second visit
 * resumes, a finished survey says thank you), who helped, and until when the link works. An
 * expired link is 401 `link_expired`, a forged or erased one 401 `link_invalid`. The page's
 * first call brings the browser's time zone, recorded for the customer's side.
 */
export async function openSurvey(deps: CoreDeps, linkToken: string, request: { timeZone?: string } = {}): Promise<SurveyView> {
  const opened = await openSurveyLink(deps, linkToken);
  const events = await deps.supportEvents.list(opened.claims.conversationId);
  await noteCustomerTimeZone(deps, opened.claims.conversationId, events, request.timeZone);
  return surveyView(opened, events);
}

export function surveyView({ claims, message, survey }: OpenedSurveyLink, events: readonly SupportEventRecord[]): SurveyView {
  return {
    answers: answersOf(events),
    agentName: survey.agentName ?? null,
    askedAt: message.createdAt,
    expiresAt: claims.expiresAt.toISOString(),
  };
}
