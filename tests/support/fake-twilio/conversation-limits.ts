import { badRequest } from './types';

/**
 * Conversations' length limits (twilio.com/docs/conversations/conversations-limits, "Length
 * limits"): a conversation's attributes 16KB, a message's (and a participant's) 4KB, a message body
 * 1,600 characters on SMS and WhatsApp and 32KB on chat. "KB" is taken as 1,000 bytes of UTF-8,
 * the stricter of its readings. The page names no error code; the fake answers with the codes
 * Twilio lists for the same fault in this API family: 50303 "Attributes too long" and 50504
 * "Message body parameter is too long" (twilio.com/docs/api/errors/50303, /50504).
 */
export const LIMITS = {
  conversationAttributesBytes: 16_000,
  messageAttributesBytes: 4_000,
  participantAttributesBytes: 4_000,
  smsOrWhatsAppBodyChars: 1_600,
  chatBodyBytes: 32_000,
} as const;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export function checkAttributes(json: string, max: number, what: string): void {
  if (bytes(json) > max) throw badRequest(50303, `${what} attributes are too long: ${bytes(json)} bytes, at most ${max}`);
}

/**
 * A body goes out on the channels of the conversation's participants: 1,600 characters when any of
 * them is reached by SMS or WhatsApp (a non-chat participant: one with a messaging binding), else
 * chat's 32KB. Characters are counted as UTF-16 code units, the stricter count for emoji.
 */
export function checkBody(body: string | undefined, smsOrWhatsApp: boolean): void {
  if (body === undefined) return;
  if (smsOrWhatsApp && body.length > LIMITS.smsOrWhatsAppBodyChars) {
    throw badRequest(50504, `Message body is too long for SMS or WhatsApp: ${body.length} characters, at most ${LIMITS.smsOrWhatsAppBodyChars}`);
  }
  if (bytes(body) > LIMITS.chatBodyBytes) throw badRequest(50504, `Message body is too long: ${bytes(body)} bytes, at most ${LIMITS.chatBodyBytes}`);
}
