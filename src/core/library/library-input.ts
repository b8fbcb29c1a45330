import { z } from 'zod';

/** A query string may be this long (a pasted paragraph); longer is refused. */
export const MAX_QUERY_CHARS = 10_240;
export const MAX_PAGE = 100;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -');
/** `2026-11-21` or a full ISO time with zone; years 1970–9999. */
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const date = z
  .string()
  .refine((v) => (isoDay.test(v) || isoTime.test(v)) && Number.isFinite(Date.parse(v)) && Date.parse(v) >= 0, 'must be an ISO date (2026-11-21) or time with zone');
// Form-encoded bodies carry numbers as text; a week is far beyond any call.
const seconds = z.coerce.number().finite().min(0).max(604_800);

/** The filters of the list and of search, as they come over HTTP. */
export const libraryFilterShape = {
  agentIdentity: z.string().regex(/^[^\u0000-\u001f\u007f]{1,128}$/, 'must be an identity of 1 to 128 printable characters').optional(),
  from: date.optional(),
  to: date.optional(),
  kind: z.enum(['call', 'clip']).optional(),
  minSeconds: seconds.optional(),
  maxSeconds: seconds.optional(),
  state: z.enum(['processing', 'ready', 'failed', 'not_recorded']).optional(),
  cursor: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
};

const ordered = <T extends { from?: string; to?: string; minSeconds?: number; maxSeconds?: number }>(s: z.ZodType<T>) =>
  s
    .refine((f) => !(f.from && f.to) || Date.parse(f.from) <= Date.parse(f.to), { message: 'from must not be after to', path: ['from'] })
    .refine((f) => f.minSeconds === undefined || f.maxSeconds === undefined || f.minSeconds <= f.maxSeconds, {
      message: 'minSeconds must not be above maxSeconds',
      path: ['minSeconds'],
    });

/** `recordings`: a page of the list, or one recording by id. */
export const listRecordingsInputSchema = ordered(z.object({ ...libraryFilterShape, recordingId: id.optional() }));

/** `search-transcripts`: words to find (never query syntax), with the list's filters. */
export const searchTranscriptsInputSchema = ordered(
  z.object({
    ...libraryFilterShape,
    query: z
      .string()
      .max(MAX_QUERY_CHARS, `at most ${MAX_QUERY_CHARS} characters`)
      .refine((q) => q.trim().length > 0, 'say what to search for'),
  }),
);
