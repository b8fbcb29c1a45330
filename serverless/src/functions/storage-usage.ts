import { z } from 'zod';
import type { StorageUsageResponse } from '../../../src/api/privacy-contract';
import { storageUsage } from '../../../src/core/privacy/storage-usage';
import { jsonFunction } from '../lib/json-function';

/** Supervisors: bytes stored per month of recording and the estimated monthly cost. */
export const handler = jsonFunction(
  { name: 'storage-usage', auth: 'staff', schema: z.object({}) },
  async ({ backend, staff }): Promise<StorageUsageResponse> => storageUsage(backend.deps, staff),
);
