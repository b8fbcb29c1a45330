import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { DELIVERY_LOG_MAX, outboundDeliveryLog } from '../../../src/core/outbound/delivery-log';
import { OUTBOUND_EVENT_TYPES } from '../../../src/domain/outbound-events';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

const schema = z.object({
  state: z.enum(['pending', 'delivered', 'failed']).optional(),
  endpointId: idSchema.optional(),
  conversationId: idSchema.optional(),
  type: z.enum(OUTBOUND_EVENT_TYPES).optional(),
  // Event ids are `<type>:<id>[:…]`.
  eventId: z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/).optional(),
  limit: z.coerce.number().int().min(1).max(DELIVERY_LOG_MAX).optional(),
}) satisfies z.ZodType<FunctionsContract['/outbound-deliveries']['request']>;

/** Supervisors and admins: the outbound delivery log, newest first (attempts, last status, why it failed). */
export const handler = jsonFunction(
  { name: 'outbound-deliveries', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/outbound-deliveries']['response']> =>
    outboundDeliveryLog(backend.deps.outboundDelivery, staff, body),
);
