import type { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { clipViewInputSchema } from '../../../src/core/clips/clip-view-input';
import { recordClipView } from '../../../src/core/clips/record-clip-view';
import { jsonFunction } from '../lib/json-function';

/**
 * A staff viewer's event on a clip (opened, progress, ended), by Flex or local token. The customer's
 * events come from their chat, whose credential only the chat's host can check: locally that is
 * the local origin's `/media/clip-views` (src/adapters/local/server/clip-view-routes.ts).
 */
export const handler = jsonFunction(
  { name: 'clip-view', auth: 'staff', schema: clipViewInputSchema satisfies z.ZodType<FunctionsContract['/clip-view']['request']> },
  async ({ body, backend, staff }): Promise<FunctionsContract['/clip-view']['response']> => recordClipView(backend.deps, { kind: 'staff', staff }, body),
);
