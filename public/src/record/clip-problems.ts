import { textFor, type ProblemTexts } from '../../../src/ui/problem-codes';
import { problemFor, type Problem } from '../join/problems';

const ASK = 'Ask the agent in your chat for a new recording link.';

/**
 * The recording page's wording where a recording link differs from a call link; everything else
 * (network, unknown) reads as on the join page.
 */
export const CLIP_PROBLEMS: ProblemTexts<Problem> = {
  token_missing: {
    title: 'This link is incomplete',
    detail: `Open the recording link from the chat again. If you copied it, make sure you copied all of it. Or: ${ASK.charAt(0).toLowerCase()}${ASK.slice(1)}`,
    retry: false,
  },
  link_expired: {
    title: 'This recording link has expired',
    detail: `For your security, recording links only work for a limited time. ${ASK}`,
    retry: false,
  },
  link_invalid: {
    title: 'This recording link is not valid',
    detail: `It may be incomplete or changed, or it belongs to another conversation. ${ASK}`,
    retry: false,
  },
  link_revoked: {
    title: 'This recording link was replaced',
    detail: `A newer recording link was sent: use the latest one in your chat, or ${ASK.charAt(0).toLowerCase()}${ASK.slice(1)}`,
    retry: false,
  },
  clip_sent: {
    title: 'This video was already sent',
    detail: `It is in your chat. To send another video, ${ASK.charAt(0).toLowerCase()}${ASK.slice(1)}`,
    retry: false,
  },
  invalid_request: {
    title: 'Something is wrong with this link',
    detail: ASK,
    retry: false,
  },
};

export function clipProblemFor(code: string): Problem {
  return textFor(CLIP_PROBLEMS, code) ?? problemFor(code);
}
