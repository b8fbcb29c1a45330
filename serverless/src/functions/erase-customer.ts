import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { eraseCustomer } from '../../../src/core/privacy/erase-customer';
import { jsonFunction } from '../lib/json-function';
import { idSchema, looseBoolean } from '../lib/schemas';

/** A customer's participant identity as the product mints it (`customer:<id>`). */
const customerIdentity = z.string().regex(/^customer:[A-Za-z0-9_-]{1,64}$/, 'must be a customer identity (customer:<id>)');

const schema = z
  .object({ customerIdentity: customerIdentity.optional(), conversationId: idSchema.optional(), dryRun: looseBoolean.default(true) })
  .refine((b) => (b.customerIdentity === undefined) !== (b.conversationId === undefined), {
    message: 'give either customerIdentity or conversationId, not both',
    path: ['customerIdentity'],
  }) satisfies z.ZodType<FunctionsContract['/erase-customer']['request']>;

/** Supervisors: count (dryRun, the default) or erase everything of one customer; 409 under legal hold. */
export const handler = jsonFunction(
  { name: 'erase-customer', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/erase-customer']['response']> => {
    const subject = body.customerIdentity ? { customerIdentity: body.customerIdentity } : { conversationId: body.conversationId as string };
    return eraseCustomer(backend.deps, staff, { ...subject, dryRun: body.dryRun });
  },
);
