import { textFor, type ProblemTexts } from '../../../src/ui/problem-codes';

/** What went wrong, in the customer's words, and what they can do about it. */
export interface Problem {
  title: string;
  detail: string;
  /** Offer a "Try again" button (worth retrying: the cause may go away). */
  retry: boolean;
}

/** Keyed by the codes servers send (ErrorCode) and the page's own: a misspelt key does not compile. */
export const PROBLEMS: ProblemTexts<Problem> = {
  token_missing: {
    title: 'This link is incomplete',
    detail: 'Open the video call link from the chat again. If you copied it, make sure you copied all of it.',
    retry: false,
  },
  link_expired: {
    title: 'This link has expired',
    detail: 'For your security, video links only work for a limited time. Ask the agent in the chat for a new link.',
    retry: false,
  },
  link_invalid: {
    title: 'This link is not valid',
    detail: 'The link may be incomplete or changed. Open it again from the chat, or ask the agent for a new one.',
    retry: false,
  },
  call_ended: {
    title: 'This video call has ended',
    detail: 'You can keep chatting with the agent in the chat. They can start a new video call if needed.',
    retry: false,
  },
  link_revoked: {
    title: 'This link was replaced',
    detail: 'The agent sent a newer link. Use the latest link in the chat.',
    retry: false,
  },
  invalid_request: {
    title: 'Something is wrong with this link',
    detail: 'Open the link from the chat again, or ask the agent for a new one.',
    retry: false,
  },
  network: {
    title: 'We could not reach the server',
    detail: 'Check your internet connection, then try again.',
    retry: true,
  },
  unsupported_browser: {
    title: 'This browser cannot make video calls',
    detail: 'Please open the link in a current version of Chrome, Edge, Firefox or Safari.',
    retry: false,
  },
  permission_denied: {
    title: 'Camera and microphone are blocked',
    detail:
      'To join, allow this page to use your camera and microphone: click the camera or lock icon in the address bar, choose Allow, then try again.',
    retry: true,
  },
  no_devices: {
    title: 'No camera or microphone found',
    detail: 'Connect a camera or a microphone (a headset works), then try again.',
    retry: true,
  },
  device_in_use: {
    title: 'Your camera or microphone is busy',
    detail: 'Another app may be using it. Close other video apps or tabs, then try again.',
    retry: true,
  },
};

const UNKNOWN: Problem = {
  title: 'Something went wrong',
  detail: 'Please try again. If it keeps happening, tell the agent in the chat.',
  retry: true,
};

export function problemFor(code: string): Problem {
  return textFor(PROBLEMS, code) ?? UNKNOWN;
}
