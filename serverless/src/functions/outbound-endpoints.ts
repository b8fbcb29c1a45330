import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { manageOutboundEndpoints } from '../../../src/core/outbound/manage-endpoints';
import { ENDPOINT_SECRET_MAX, ENDPOINT_URL_MAX, endpointTypesSchema } from '../../../src/core/outbound/outbound-endpoints';
import { jsonFunction } from '../lib/json-function';
import { idSchema, looseBoolean } from '../lib/schemas';

// Shape only: the core checks the URL (https; http to this machine in local mode) and the secret's length.
const secret = z.string().min(1).max(ENDPOINT_SECRET_MAX);
const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('list') }),
  z.object({
    action: z.literal('add'),
    id: idSchema,
    url: z.string().min(1).max(ENDPOINT_URL_MAX),
    secret,
    types: endpointTypesSchema.optional(),
    enabled: looseBoolean.optional(),
  }),
  z.object({ action: z.literal('enable'), id: idSchema }),
  z.object({ action: z.literal('disable'), id: idSchema }),
  z.object({ action: z.literal('remove'), id: idSchema }),
  z.object({ action: z.literal('rotate'), id: idSchema, secret }),
  z.object({ action: z.literal('end-rotation'), id: idSchema }),
]) satisfies z.ZodType<FunctionsContract['/outbound-endpoints']['request']>;

/** Admins: the CRM webhook endpoints (those of OUTBOUND_WEBHOOKS listed read-only); secrets answered as fingerprints. */
export const handler = jsonFunction(
  { name: 'outbound-endpoints', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/outbound-endpoints']['response']> =>
    manageOutboundEndpoints(backend.deps.outboundDelivery, staff, body),
);
