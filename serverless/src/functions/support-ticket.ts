import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { supportTicket } from '../../../src/core/support/support-ticket';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

const conversationId = idSchema;
/** An IANA zone name as `Intl` gives it (Europe/Berlin, America/Argentina/Buenos_Aires, UTC). */
const timeZone = z.string().regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/, 'must be an IANA time zone');

const schema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('joined'), conversationId, timeZone: timeZone.optional(), team: z.string().min(1).max(64).optional() }),
  z.object({ action: z.literal('suggestion'), conversationId }),
  z.object({ action: z.literal('dismiss'), conversationId }),
  z.object({ action: z.literal('facts'), conversationId }),
]) satisfies z.ZodType<FunctionsContract['/support-ticket']['request']>;

/** Agents: took a ticket (zone, team), the video suggestion waiting for them, dismiss it, the ticket's video facts. */
export const handler = jsonFunction(
  { name: 'support-ticket', auth: 'staff', schema },
  async ({ body, backend, staff }): Promise<FunctionsContract['/support-ticket']['response']> => supportTicket(backend.deps, staff, body),
);
