import type { DisconnectReason } from '../video-client';
import type { TwilioErrorLike } from './twilio-video-api';

/** The TwilioError codes this client tells apart (node_modules/twilio-video/lib/util/twilio-video-errors.js). */
export const TwilioErrorCode = {
  AccessTokenInvalid: 20101,
  AccessTokenHeaderInvalid: 20102,
  AccessTokenIssuerInvalid: 20103,
  AccessTokenExpired: 20104,
  AccessTokenNotYetValid: 20105,
  AccessTokenGrantsInvalid: 20106,
  AccessTokenSignatureInvalid: 20107,
  SignalingConnectionError: 53000,
  SignalingConnectionDisconnected: 53001,
  SignalingConnectionTimeout: 53002,
  SignalingServerBusy: 53006,
  RoomConnectFailed: 53104,
  RoomMaxParticipantsExceeded: 53105,
  RoomNotFound: 53106,
  RoomCompleted: 53118,
  ParticipantDuplicateIdentity: 53205,
  MediaClientLocalDescFailed: 53400,
  MediaServerLocalDescFailed: 53401,
  MediaClientRemoteDescFailed: 53402,
  MediaServerRemoteDescFailed: 53403,
  MediaNoSupportedCodec: 53404,
  MediaConnectionFailed: 53405,
  MediaDTLSTransportFailed: 53407,
  ConfigurationAcquireFailed: 53500,
  ConfigurationAcquireTurnFailed: 53501,
} as const;

const C = TwilioErrorCode;

const isAccessTokenError = (code: number) => code >= 20101 && code <= 20107;

/** Lost the way to the service: signaling gave up reconnecting, media died, no ICE/TURN config. */
const NETWORK_CODES: ReadonlySet<number> = new Set([
  C.SignalingConnectionError,
  C.SignalingConnectionDisconnected,
  C.SignalingConnectionTimeout,
  C.MediaConnectionFailed,
  C.MediaDTLSTransportFailed,
  C.ConfigurationAcquireFailed,
  C.ConfigurationAcquireTurnFailed,
]);

/**
 * Why the Room's `disconnected` event fired, in the interface's terms (the Janus client's
 * outcomes: kicked by a newer join → replaced, room destroyed → ended, recovery failed → network).
 *
 * - `leaving`: this browser called disconnect() → left, whatever twilio-video reports.
 * - No error although we did not leave: the server removed this participant. The product's only
 *   removal is a second tab taking over the same link (RoomsPort.removeParticipant) → replaced.
 *   (twilio-video reports a REST removal as a `disconnected` message with no error.)
 * - 53205 duplicate identity: the same identity joined elsewhere → replaced.
 * - 53118 room completed (ended via REST for everyone), 53106 room gone → ended.
 * - 20104 token expired: only checked when signaling reconnects, i.e. after a network loss that
 *   outlived the grant. Rejoining fetches a fresh grant → network (the UI offers Rejoin).
 * - signaling/media/ICE failures → network. Anything else → error.
 */
export function disconnectReason(error: TwilioErrorLike | null | undefined, leaving: boolean): DisconnectReason {
  if (leaving) return 'left';
  if (!error) return 'replaced';
  const code = error.code ?? 0;
  if (code === C.ParticipantDuplicateIdentity) return 'replaced';
  if (code === C.RoomCompleted || code === C.RoomNotFound) return 'ended';
  if (code === C.AccessTokenExpired || NETWORK_CODES.has(code)) return 'network';
  return 'error';
}

/** connect() refused: a sentence the page can show (it adds its own "Please try again"). */
export class TwilioConnectError extends Error {
  constructor(
    message: string,
    /** The TwilioError code, or 0 when the failure was not a TwilioError. */
    readonly code: number,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'TwilioConnectError';
  }
}

export function connectErrorMessage(error: TwilioErrorLike | null | undefined): string {
  const code = typeof error?.code === 'number' ? error.code : 0;
  if (code === C.AccessTokenExpired) return 'Your access to the call has expired.';
  if (isAccessTokenError(code)) return 'Your access to the call is not valid.';
  if (code === C.RoomCompleted || code === C.RoomNotFound) return 'The call has already ended.';
  if (code === C.RoomMaxParticipantsExceeded) return 'The call is full.';
  if (code >= C.MediaClientLocalDescFailed && code <= C.MediaNoSupportedCodec) return 'Your browser could not set up audio and video for the call.';
  if (NETWORK_CODES.has(code) || code === C.SignalingServerBusy || code === C.RoomConnectFailed) return 'Could not reach the video service.';
  if (code === 0) return 'Could not connect to the video service.';
  return `The video service refused the connection (error ${code}).`;
}

export function toConnectError(error: unknown): TwilioConnectError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as TwilioErrorLike;
  return new TwilioConnectError(connectErrorMessage(e), typeof e.code === 'number' ? e.code : 0, error);
}
