import { z } from 'zod';
import type { SearchTranscriptsRequest, SearchTranscriptsResponse } from '../../api/library-contract';
import { DomainError } from '../../domain/errors';
import type { StaffIdentity } from '../../domain/identity';
import type { LibraryDeps } from './library-deps';
import { libraryOf, queryFilter } from './library-access';
import { invalidCursor, LibraryCursors } from './library-cursor';
import { MAX_QUERY_CHARS } from './library-input';
import { libraryItem } from './library-items';
import { DEFAULT_PAGE } from './list-recordings';

const searchPosition = z.object({ line: z.string().regex(/^\d{1,16}$/) }).strict();

/**
 * Transcript lines with every word of the query, in recordings the caller may see: newest
 * recording first, line order within one. The words reach the engine as words, never as query
 * syntax (the store quotes them), so any text gives results or a 400.
 */
export async function searchTranscripts(deps: LibraryDeps, staff: StaffIdentity, request: SearchTranscriptsRequest): Promise<SearchTranscriptsResponse> {
  const library = libraryOf(deps);
  const filter = queryFilter(staff, request);
  // Control characters are no words (and NUL cannot reach a PostgreSQL query as text).
  const text = request.query.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (!text) throw new DomainError('invalid_request', 'query_empty', 'Say what to search for.');
  if (text.length > MAX_QUERY_CHARS) throw new DomainError('invalid_request', 'query_too_long', `Search for at most ${MAX_QUERY_CHARS} characters.`);
  const limit = request.limit ?? DEFAULT_PAGE;
  const cursors = new LibraryCursors(deps.config.LINK_SIGNING_SECRET);
  const scope = { search: filter, text, who: staff.identity };
  let afterKey: string | undefined;
  if (request.cursor) {
    const parsed = searchPosition.safeParse(cursors.read(scope, request.cursor));
    if (!parsed.success) throw invalidCursor();
    afterKey = parsed.data.line;
  }
  const found = await library.search({ text, filter, afterKey, limit: limit + 1 });
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    hits: page.map((h) => ({
      recording: libraryItem(h.recording, deps.pipeline.artifacts),
      start: h.start,
      end: h.end,
      speaker: h.speaker,
      text: h.text,
      highlights: h.highlights,
    })),
    ...(found.length > limit && last ? { nextCursor: cursors.sign(scope, { line: last.lineKey }) } : {}),
  };
}
