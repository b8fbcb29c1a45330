import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { listLiveCalls } from '../../../src/core/monitoring/live-calls';
import { jsonFunction } from '../lib/json-function';

/** Supervisors: the calls in progress (agent, customer, since when, recorded or not). */
export const handler = jsonFunction(
  { name: 'live-calls', auth: 'staff', schema: z.object({}) satisfies z.ZodType<FunctionsContract['/live-calls']['request']> },
  async ({ backend, staff }): Promise<FunctionsContract['/live-calls']['response']> => ({ calls: await listLiveCalls(backend.deps, staff) }),
);
