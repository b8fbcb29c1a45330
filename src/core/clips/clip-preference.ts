import { DomainError } from '../../domain/errors';
import type { Clip } from '../../domain/clip';
import { MESSAGE_TYPES } from '../../domain/message-types';
import type { CoreDeps } from '../deps';
import { messageAuthor } from '../pipeline/job-update';
import { assertConversationOpen } from '../privacy/conversation-open';

/** What a customer asked for instead of a clip: to go on typing, or a live video call. */
export const CLIP_PREFERENCES = ['type', 'call'] as const;
export type ClipPreference = (typeof CLIP_PREFERENCES)[number];

/** What the agent reads in the chat. */
export const CLIP_PREFERENCE_TEXT: Record<ClipPreference, string> = {
  type: 'The customer would rather type.',
  call: 'The customer would like a live video call instead.',
};

const CLIP_PREFERENCE_TYPE = MESSAGE_TYPES.clipPreference;

/**
 * The customer would rather not record: the agent is told in the chat. Nothing about the clip
 * changes, so the recording link still works if the customer changes their mind. Each preference
 * is said once per clip: a second click, or a reload, adds no second message.
 */
export async function preferInstead(deps: CoreDeps, clip: Clip, preference: ClipPreference): Promise<Clip> {
  if (clip.authorRole !== 'customer') throw new DomainError('forbidden', 'not_allowed', 'Only the customer asked for a clip can say so.');
  await assertConversationOpen(deps, clip.conversationId);
  const idempotencyKey = `clip-preference:${clip.id}:${preference}`;
  if (!(await deps.conversations.findMessageByAttribute(clip.conversationId, 'idempotencyKey', idempotencyKey))) {
    await deps.conversations.postMessage(clip.conversationId, {
      author: messageAuthor(deps.pipeline),
      body: CLIP_PREFERENCE_TEXT[preference],
      attributes: { type: CLIP_PREFERENCE_TYPE, clipId: clip.id, preference, idempotencyKey },
    });
  }
  return clip;
}
