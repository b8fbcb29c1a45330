/** Twilio REST errors (RestException or the RFC 9457 TwilioServiceException) both carry `status` and `code`. */
interface TwilioRestError {
  status: number;
  code?: number;
}

const isRestError = (e: unknown): e is TwilioRestError =>
  typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number';

/** Error codes this back end expects in normal operation (https://www.twilio.com/docs/api/errors). */
export const TwilioErrorCode = {
  notFound: 20404,
  roomNotFound: 53106,
  roomStatusInvalid: 53112, // e.g. completing a room that is not in-progress
  roomExists: 53113, // UniqueName already used by an in-progress room
  roomCompleted: 53118,
} as const;

export const twilioErrorCode = (e: unknown): number | undefined => (isRestError(e) ? e.code : undefined);

/** A 404, or one of Twilio's "no such thing" codes. */
export const isNotFound = (e: unknown): boolean =>
  isRestError(e) &&
  (e.status === 404 || e.code === TwilioErrorCode.notFound || e.code === TwilioErrorCode.roomNotFound);
