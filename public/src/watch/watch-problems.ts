import { textFor, type ProblemTexts } from '../../../src/ui/problem-codes';
import { problemFor, type Problem } from '../join/problems';

const ASK = 'ask the agent in your chat for a new link';

/** The watch page's wording where a watch link differs from a call link; the rest reads as on the join page. */
export const WATCH_PROBLEMS: ProblemTexts<Problem> = {
  token_missing: {
    title: 'This link is incomplete',
    detail: `Open the link to the recording from your chat again. If you copied it, make sure you copied all of it, or ${ASK}.`,
    retry: false,
  },
  link_expired: {
    title: 'This link has expired',
    detail: `For your security, links to recordings only work for a limited time. To watch it again, ${ASK}.`,
    retry: false,
  },
  link_invalid: {
    title: 'This link is not valid',
    detail: `It may be incomplete or changed. Open it again from your chat, or ${ASK}.`,
    retry: false,
  },
  link_revoked: {
    title: 'This link was replaced',
    detail: 'A newer link to this recording was sent. Use the latest one in your chat.',
    retry: false,
  },
  recording_erased: {
    title: 'This recording was removed',
    detail: 'The recording and its transcript were removed on request, so this link no longer opens anything.',
    retry: false,
  },
  not_allowed: {
    title: 'This recording is not shared',
    detail: 'Recordings stay with the support team. Ask the agent in your chat if you need it.',
    retry: false,
  },
};

export function watchProblemFor(code: string): Problem {
  return textFor(WATCH_PROBLEMS, code) ?? problemFor(code);
}
