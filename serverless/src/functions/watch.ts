import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { clipViewInputSchema } from '../../../src/core/clips/clip-view-input';
import { openWatch, watchVideo } from '../../../src/core/watch/open-watch';
import { resendWatchLink } from '../../../src/core/watch/resend-watch-link';
import { recordWatchView } from '../../../src/core/watch/watch-view';
import { DomainError } from '../../../src/domain/errors';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

const linkToken = z.string().min(1).max(4096);

/**
 * The watch page's Function (public/src/pages/watch.tsx), on Twilio and locally alike. The
 * customer is known by the watch link's token, which the page sends in the body: `open` (what
 * the page may show), `video` (a fresh short-lived URL; 410 once retention deleted it), `view`
 * (how far they watched). Staff `resend` a newer link by Flex or local token.
 */
export const handler = jsonFunction(
  {
    name: 'watch',
    auth: 'staff-optional',
    schema: z.discriminatedUnion('action', [
      z.object({ action: z.literal('open'), linkToken }),
      z.object({ action: z.literal('video'), linkToken }),
      z.object({ action: z.literal('view'), linkToken, event: clipViewInputSchema.shape.event, positionSeconds: clipViewInputSchema.shape.positionSeconds }),
      z.object({ action: z.literal('resend'), recordingId: idSchema }),
    ]) satisfies z.ZodType<FunctionsContract['/watch']['request']>,
  },
  async ({ body, backend, maybeStaff }): Promise<FunctionsContract['/watch']['response']> => {
    const deps = backend.deps;
    switch (body.action) {
      case 'open':
        return openWatch(deps, body.linkToken);
      case 'video':
        return watchVideo(deps, body.linkToken);
      case 'view':
        return recordWatchView(deps, body.linkToken, body);
      case 'resend':
        if (!maybeStaff) throw new DomainError('unauthorized', 'token_missing', 'Sign in first: sending a new link needs an agent token.');
        return resendWatchLink(deps, maybeStaff, body.recordingId);
    }
  },
);
