import type { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { searchTranscriptsInputSchema } from '../../../src/core/library/library-input';
import { searchTranscripts } from '../../../src/core/library/search-transcripts';
import { jsonFunction } from '../lib/json-function';

/** Full-text search over the transcripts of the recordings the caller may see (staff). */
export const handler = jsonFunction(
  { name: 'search-transcripts', auth: 'staff', schema: searchTranscriptsInputSchema satisfies z.ZodType<FunctionsContract['/search-transcripts']['request']> },
  async ({ body, backend, staff }): Promise<FunctionsContract['/search-transcripts']['response']> => searchTranscripts(backend.deps, staff, body),
);
