import type { SearchTranscriptsResponse } from '../../../src/api/library-contract';
import { searchTranscriptsInputSchema } from '../../../src/core/library/library-input';
import { searchTranscripts } from '../../../src/core/library/search-transcripts';
import { jsonFunction } from '../lib/json-function';

/** Full-text search over the transcripts of the recordings the caller may see (staff). */
export const handler = jsonFunction(
  { name: 'search-transcripts', auth: 'staff', schema: searchTranscriptsInputSchema },
  async ({ body, backend, staff }): Promise<SearchTranscriptsResponse> => searchTranscripts(backend.deps, staff, body),
);
