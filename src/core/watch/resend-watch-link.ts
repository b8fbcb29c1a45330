import type { WatchResendResponse } from '../../api/watch-contract';
import { DomainError } from '../../domain/errors';
import type { StaffIdentity } from '../../domain/identity';
import { MESSAGE_TYPES } from '../../domain/message-types';
import type { CoreDeps } from '../deps';
import { authorizePlayback } from '../pipeline/playback/playback';
import { recordingTitle } from '../pipeline/text/recording-message';
import { assertConversationOpen } from '../privacy/conversation-open';
import { replaceWatchLink } from './watch-links';

/**
 * Staff send the customer a newer watch link (the first expired, or was shared by mistake): it
 * replaces the older one, which stops working. Posted as its own message, since an update of the
 * recording message never reaches an SMS customer; the recording message's link is replaced too,
 * so the chat's card opens with the current one. Who may watch the recording may resend it.
 */
export async function resendWatchLink(deps: CoreDeps, staff: StaffIdentity, recordingId: string): Promise<WatchResendResponse> {
  const job = await authorizePlayback(deps, { kind: 'staff', staff }, recordingId);
  await assertConversationOpen(deps, job.conversationId);
  const before = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
  const link = await replaceWatchLink(deps.pipeline, job);
  if (!link) throw new DomainError('forbidden', 'not_allowed', 'The customer gets no link to this recording (their own clip, the recording policy, or an erasure).');
  const title = recordingTitle(job);
  await deps.conversations.postMessage(job.conversationId, {
    author: staff.name,
    body: `${staff.name} sent you a new link to "${title}". It replaces the earlier one: ${link.url}`,
    attributes: { type: MESSAGE_TYPES.watchLink, recordingId, url: link.url, expiresAt: link.expiresAt.toISOString() },
  });
  const old = before?.attributes.watchUrl;
  if (before && typeof old === 'string' && before.attributes.erased !== true) {
    await deps.conversations.updateMessage(job.conversationId, before.id, {
      body: before.body.split(old).join(link.url),
      attributes: { ...before.attributes, watchUrl: link.url },
    });
  }
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}
