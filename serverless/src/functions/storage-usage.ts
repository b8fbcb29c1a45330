import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { storageUsage } from '../../../src/core/privacy/storage-usage';
import { jsonFunction } from '../lib/json-function';

/** Supervisors: bytes stored per month of recording and the estimated monthly cost. */
export const handler = jsonFunction(
  { name: 'storage-usage', auth: 'staff', schema: z.object({}) satisfies z.ZodType<FunctionsContract['/storage-usage']['request']> },
  async ({ backend, staff }): Promise<FunctionsContract['/storage-usage']['response']> => storageUsage(backend.deps, staff),
);
