import { z } from 'zod';
import { resumeRecordings } from '../../../src/core/pipeline/resume';
import { jsonFunction } from '../lib/json-function';

/** Supervisor: ask every provider where unfinished recordings stand and advance them (lost webhooks). */
export const handler = jsonFunction({ name: 'resume-recordings', auth: 'staff', schema: z.object({}) }, async ({ backend, staff }) => ({
  jobs: await resumeRecordings(backend.deps.pipeline, staff),
}));
