/**
 * The `type` attribute of the messages the product posts into a conversation: written by the
 * core, read by every UI (local console and chat, the Flex plugin). One list, so they never drift.
 */
export const MESSAGE_TYPES = {
  link: 'video-escalation-link',
  ended: 'video-escalation-ended',
  recording: 'video-recording',
  notRecorded: 'video-recording-skipped',
  recordingFailed: 'video-recording-failed',
  /** An agent's request for a clip: the customer's recording link. */
  clipRequest: 'video-clip-request',
  /** A newer watch link to a recording, sent by the agent (the recording message's link stops working). */
  watchLink: 'video-watch-link',
  /** The satisfaction survey posted when a ticket is resolved (#20): its link, and the answers once given. */
  survey: 'support-survey',
  /** The customer would rather type, or have a live call, than record the clip asked for (#22). */
  clipPreference: 'video-clip-preference',
} as const;
