import type { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { insightsInputSchema } from '../../../src/core/support/insights/insights-input';
import { insightsReport } from '../../../src/core/support/insights/insights-report';
import { jsonFunction } from '../lib/json-function';

/** Supervisors: the video insights dashboard's report for a range, optionally one agent's or team's. */
export const handler = jsonFunction(
  { name: 'insights', auth: 'staff', schema: insightsInputSchema satisfies z.ZodType<FunctionsContract['/insights']['request']> },
  async ({ body, backend, staff }): Promise<FunctionsContract['/insights']['response']> => insightsReport(backend.deps, staff, body),
);
