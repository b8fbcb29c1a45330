import type { ErrorCode } from '../domain/error-codes';

/**
 * Codes a page finds for itself, never sent by a server: no answer at all (ApiError's `network`
 * and `server_error`, src/client/request-json.ts) and the browser's camera and microphone
 * (MediaProblem, src/ui/media/devices.ts).
 */
export const PAGE_CODES = ['network', 'server_error', 'unsupported_browser', 'permission_denied', 'no_devices', 'device_in_use'] as const;
export type PageCode = (typeof PAGE_CODES)[number];

/** What a page may key a problem text by: a code the server sends, or one the page finds itself. */
export type ProblemCode = ErrorCode | PageCode;

/** A page's texts, for the codes it explains (the rest read as a generic problem). */
export type ProblemTexts<T> = Partial<Record<ProblemCode, T>>;

/** The text for a code as received (any string): own keys only, so `constructor` finds nothing. */
export const textFor = <T>(texts: ProblemTexts<T>, code: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(texts, code) ? texts[code as ProblemCode] : undefined;
