import type { SurveyMessageAttributes } from '../../../api/support-contract';
import type { ConversationMessage } from '../../../domain/conversation';
import { MESSAGE_TYPES } from '../../../domain/message-types';

/** The longest body SMS and WhatsApp carry (Twilio's documented limit): the survey's must fit, link included. */
export const SMS_BODY_MAX_CHARS = 1600;

/** The survey in the chat: customers on SMS, WhatsApp and Webchat see only this text and its link. */
export const surveyBody = (url: string): string => `Thanks for contacting us. Did this solve your problem? Tell us here: ${url}`;

/** The idempotency key of the survey posted for one resolution (its `resolved` event's id). */
export const surveyKeyOf = (resolvedEventId: string): string => `survey:${resolvedEventId}`;

/** A survey message's attributes, or null for any other message and for one whose link was erased. */
export function surveyAttributesOf(message: Pick<ConversationMessage, 'attributes'>): SurveyMessageAttributes | null {
  const a = message.attributes;
  if (a.type !== MESSAGE_TYPES.survey || typeof a.url !== 'string' || !a.url || typeof a.surveyId !== 'string' || typeof a.expiresAt !== 'string') return null;
  return a as unknown as SurveyMessageAttributes;
}
