import type { ConversationMessage } from '../../domain/conversation';
import { MESSAGE_TYPES } from '../../domain/message-types';

/**
 * What an invitation card (a call link or a clip request) shows now: usable, or why it no longer
 * is. 'fulfilled': a clip request whose video was sent (its link has done its job).
 */
export type LinkState = 'live' | 'ended' | 'expired' | 'replaced' | 'fulfilled';

const AFTER_THE_CALL: ReadonlySet<unknown> = new Set([
  MESSAGE_TYPES.ended,
  MESSAGE_TYPES.recording,
  MESSAGE_TYPES.notRecorded,
  MESSAGE_TYPES.recordingFailed,
]);

const escalationOf = (m: ConversationMessage) => (typeof m.attributes?.escalationId === 'string' ? m.attributes.escalationId : null);
const clipOf = (m: ConversationMessage) => (typeof m.attributes?.clipId === 'string' ? m.attributes.clipId : null);
const expiredAt = (m: ConversationMessage, now: Date) => Date.parse(String(m.attributes.expiresAt ?? '')) <= now.getTime();

/**
 * The state of every invitation in a chat, read from the chat itself: a call whose end (or
 * recording) was posted has ended; an invitation with a newer one after it was replaced (a new
 * call, or a fresh link for the same call: either way the old link no longer joins);
 * past its expiry it has expired. Clip requests likewise: fulfilled once the clip it asked for
 * was sent (its message carries the request's clipId), replaced by a newer request, or expired.
 * Both back ends post the same messages, so Flex and the local pages agree without asking the server.
 */
export function linkStates(messages: ReadonlyArray<ConversationMessage>, now: Date): Map<string, LinkState> {
  const ended = new Set(messages.filter((m) => AFTER_THE_CALL.has(m.attributes?.type)).map(escalationOf).filter((id) => id !== null));
  const links = messages.filter((m) => m.attributes?.type === MESSAGE_TYPES.link);
  const states = new Map<string, LinkState>();
  links.forEach((m, i) => {
    const newer = i < links.length - 1;
    states.set(m.id, ended.has(escalationOf(m) ?? '') ? 'ended' : newer ? 'replaced' : expiredAt(m, now) ? 'expired' : 'live');
  });
  const sent = new Set(messages.filter((m) => m.attributes?.type === MESSAGE_TYPES.recording).map(clipOf).filter((id) => id !== null));
  const requests = messages.filter((m) => m.attributes?.type === MESSAGE_TYPES.clipRequest);
  requests.forEach((m, i) => {
    const newer = i < requests.length - 1;
    states.set(m.id, sent.has(clipOf(m) ?? '') ? 'fulfilled' : newer ? 'replaced' : expiredAt(m, now) ? 'expired' : 'live');
  });
  return states;
}

/** When the soonest live invitation expires (ms from now), so a card can turn without a reload. */
export function nextExpiryIn(messages: ReadonlyArray<ConversationMessage>, states: Map<string, LinkState>, now: Date): number | null {
  const waits = messages
    .filter((m) => states.get(m.id) === 'live')
    .map((m) => Date.parse(String(m.attributes.expiresAt ?? '')) - now.getTime())
    .filter((ms) => Number.isFinite(ms) && ms > 0);
  return waits.length ? Math.min(...waits) : null;
}
