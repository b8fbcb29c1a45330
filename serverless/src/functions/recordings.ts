import type { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { listRecordingsInputSchema } from '../../../src/core/library/library-input';
import { getRecording, listRecordings } from '../../../src/core/library/list-recordings';
import { jsonFunction } from '../lib/json-function';

/**
 * The recordings library (staff): a page of the recordings the caller may see, newest first and
 * filtered on the server; with `recordingId`, that one recording as a one-item page (403 when it
 * is another agent's).
 */
export const handler = jsonFunction(
  { name: 'recordings', auth: 'staff', schema: listRecordingsInputSchema satisfies z.ZodType<FunctionsContract['/recordings']['request']> },
  async ({ body, backend, staff }): Promise<FunctionsContract['/recordings']['response']> => {
    const { recordingId, ...request } = body;
    if (recordingId) return { items: [await getRecording(backend.deps, staff, recordingId)] };
    return listRecordings(backend.deps, staff, request);
  },
);
