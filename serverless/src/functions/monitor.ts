import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { startMonitoring, stopMonitoring } from '../../../src/core/monitoring/monitor';
import { jsonFunction } from '../lib/json-function';
import { idSchema, looseBoolean } from '../lib/schemas';

const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), escalationId: idSchema, bargeIn: looseBoolean.optional() }),
  z.object({ action: z.literal('stop'), monitoringId: idSchema }),
]) satisfies z.ZodType<FunctionsContract['/monitor']['request']>;

/** Supervisors: start monitoring a live call (silent by default, or barge in), or stop. */
export const handler = jsonFunction(
  { name: 'monitor', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/monitor']['response']> => {
    if (body.action === 'stop') {
      const ended = await stopMonitoring(backend.deps, staff, { monitoringId: body.monitoringId });
      return { monitoringId: ended.id, endedAt: ended.endedAt as string };
    }
    return startMonitoring(backend.deps, staff, { escalationId: body.escalationId, bargeIn: body.bargeIn });
  },
);
