import { z } from 'zod';

/**
 * A clip viewer event as it comes over HTTP, for both doors (the `clip-view` Function and the
 * local origin's `/media/clip-views`). Form-encoded bodies carry numbers as text; a day is far
 * beyond any clip.
 */
export const clipViewInputSchema = z.object({
  recordingId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -'),
  event: z.enum(['opened', 'progress', 'ended']),
  positionSeconds: z.coerce.number().finite().min(0).max(86_400).optional(),
});
