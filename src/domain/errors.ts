import type { ErrorCode } from './error-codes';

export type { ErrorCode } from './error-codes';

/**
 * Errors the product can explain to a user. Every failure a caller can cause maps to one of these
 * kinds, and each kind maps to one 4xx status at the HTTP edge, so bad input never becomes a 5xx.
 */
export type ErrorKind =
  | 'invalid_request' // 400: malformed body or parameters
  | 'unauthorized' // 401: missing, forged or expired credential
  | 'forbidden' // 403: valid credential, wrong role or wrong conversation
  | 'not_found' // 404
  | 'conflict' // 409: e.g. the link is already in use in another tab
  | 'gone'; // 410: the escalation ended, the link was revoked

export const statusOfKind: Record<ErrorKind, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
};

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable code, e.g. `link_expired`; pages choose their wording by it. */
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return statusOfKind[this.kind];
  }
}

/** The one error shape every endpoint answers with; pages read `code` to choose their wording. */
export const errorBody = (code: ErrorCode, message: string, details?: unknown) => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});
