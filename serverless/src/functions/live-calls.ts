import { z } from 'zod';
import type { LiveCallsResponse } from '../../../src/api/library-contract';
import { listLiveCalls } from '../../../src/core/monitoring/live-calls';
import { jsonFunction } from '../lib/json-function';

/** Supervisors: the calls in progress (agent, customer, since when, recorded or not). */
export const handler = jsonFunction(
  { name: 'live-calls', auth: 'staff', schema: z.object({}) },
  async ({ backend, staff }): Promise<LiveCallsResponse> => ({ calls: await listLiveCalls(backend.deps, staff) }),
);
