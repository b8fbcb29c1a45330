import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { resumeRecordings } from '../../../src/core/pipeline/resume';
import { jsonFunction } from '../lib/json-function';

/** Supervisor: ask every provider where unfinished recordings stand and advance them (lost webhooks). */
export const handler = jsonFunction(
  { name: 'resume-recordings', auth: 'staff', schema: z.object({}) satisfies z.ZodType<FunctionsContract['/resume-recordings']['request']> },
  async ({ backend, staff }): Promise<FunctionsContract['/resume-recordings']['response']> => ({
    jobs: await resumeRecordings(backend.deps.pipeline, staff),
  }),
);
