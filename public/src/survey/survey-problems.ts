import { textFor, type ProblemTexts } from '../../../src/ui/problem-codes';
import { problemFor, type Problem } from '../join/problems';

/** The survey page's wording where a survey link differs from a call link; the rest reads as on the join page. */
export const SURVEY_PROBLEMS: ProblemTexts<Problem> = {
  token_missing: {
    title: 'This link is incomplete',
    detail: 'Open the survey link from your chat again. If you copied it, make sure you copied all of it.',
    retry: false,
  },
  link_expired: {
    title: 'This survey has closed',
    detail: 'Survey links only work for a limited time after your chat, so this one no longer takes answers. Thank you for opening it.',
    retry: false,
  },
  link_invalid: {
    title: 'This link is not valid',
    detail: 'It may be incomplete or changed. Open it again from your chat.',
    retry: false,
  },
};

export function surveyProblemFor(code: string): Problem {
  return textFor(SURVEY_PROBLEMS, code) ?? problemFor(code);
}
