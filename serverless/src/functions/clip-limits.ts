import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { enforceClipCaps } from '../../../src/core/clips/clip-limits';
import { DomainError } from '../../../src/domain/errors';
import { jsonFunction } from '../lib/json-function';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * A scheduler (cron, every few seconds) ends clip takes at the length cap: Twilio has no timer for
 * it (a room's MaxParticipantDuration starts at 600 s and counts connected, not recorded, time).
 * Authenticated by CLIP_LIMITS_SECRET in the body; refused when it is not configured.
 */
export const handler = jsonFunction(
  { name: 'clip-limits', auth: 'none', schema: z.object({ secret: z.string().min(1).max(512) }) satisfies z.ZodType<FunctionsContract['/clip-limits']['request']> },
  async ({ body, backend, config }): Promise<FunctionsContract['/clip-limits']['response']> => {
    const expected = config.CLIP_LIMITS_SECRET;
    if (!expected || !timingSafeEqual(digest(body.secret), digest(expected))) {
      throw new DomainError('unauthorized', 'secret_invalid', 'This call needs the clip-limits secret.');
    }
    return { stopped: await enforceClipCaps(backend.deps) };
  },
);
