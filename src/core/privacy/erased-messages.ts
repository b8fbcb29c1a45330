import type { Attributes, ConversationMessage } from '../../domain/conversation';
import { MESSAGE_TYPES } from '../../domain/message-types';
import { ERASED_TEXT } from '../../domain/privacy';
import { formatDuration } from '../pipeline/text/format';

const LINK_TYPES: readonly unknown[] = [MESSAGE_TYPES.link, MESSAGE_TYPES.clipRequest, MESSAGE_TYPES.watchLink, MESSAGE_TYPES.survey];

/** A recording message that still carries a transcript, captions or a player (not erased yet). */
export const isUnerasedRecordingMessage = (m: ConversationMessage): boolean =>
  m.attributes.type === MESSAGE_TYPES.recording && m.attributes.erased !== true;

/** An invitation, clip request or watch link whose link (a signed token in its URL) is still in the chat. */
export const carriesLinkToken = (m: ConversationMessage): boolean =>
  LINK_TYPES.includes(m.attributes.type) && typeof m.attributes.url === 'string' && m.attributes.url !== '';

/** What an erased recording message keeps: which recording it was, never what was said or shown. */
const KEPT_RECORDING_KEYS = ['type', 'recordingId', 'roomName', 'escalationId', 'durationSeconds', 'kind', 'clipId', 'authorRole', 'authorName', 'clipMode', 'customerAccess', 'idempotencyKey'];

const pick = (a: Attributes, keys: readonly string[]): Attributes => Object.fromEntries(Object.entries(a).filter(([k]) => keys.includes(k)));

/**
 * The recording message after erasure: the transcript text, captions, player URLs and the
 * customer's viewing progress are gone; the card says "removed on request" instead.
 */
export function erasedRecordingMessage(m: ConversationMessage, at: string): { body: string; attributes: Attributes } {
  const a = m.attributes;
  const title = a.kind === 'clip' ? `Video clip from ${typeof a.authorName === 'string' ? a.authorName : m.author}` : 'Video call recording';
  const length = typeof a.durationSeconds === 'number' ? ` · ${formatDuration(a.durationSeconds)}` : '';
  return {
    body: `${title}${length} · video and transcript ${ERASED_TEXT}`,
    attributes: { ...pick(a, KEPT_RECORDING_KEYS), erased: true, erasedAt: at, mediaDeleted: { reason: 'erasure', deletedAt: at } },
  };
}

/** An invitation after erasure: no URL (its token named the customer's link), a plain note. */
export function erasedLinkMessage(m: ConversationMessage, at: string): { body: string; attributes: Attributes } {
  const { url: _url, answers: _answers, ...kept } = m.attributes;
  const what = { [MESSAGE_TYPES.clipRequest]: 'Request for a video clip', [MESSAGE_TYPES.watchLink]: 'Link to a recording', [MESSAGE_TYPES.survey]: 'Satisfaction survey' }[String(m.attributes.type)] ?? 'Video call invitation';
  return { body: `${what} · link ${ERASED_TEXT}`, attributes: { ...kept, erasedAt: at } };
}
