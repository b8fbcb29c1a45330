import { z } from 'zod';
import { compositionFailed, compositionReady } from '../../../src/core/pipeline/compose/composition-events';
import { webhookFunction } from '../lib/webhook-function';

/** Twilio Compositions status callback (`?roomName=` rides in the signed URL the composer set). */
export const handler = webhookFunction(
  {
    name: 'composition-status',
    path: 'composition-status',
    queryKeys: ['roomName'],
    schema: z
      .object({
        roomName: z.string().min(1).max(128),
        StatusCallbackEvent: z.string().min(1),
        CompositionSid: z.string().regex(/^CJ[0-9a-f]{32}$/i),
        Duration: z.coerce.number().nonnegative().optional(),
        ErrorMessage: z.string().optional(),
      })
      .passthrough(),
  },
  async ({ body, backend }) => {
    const event = { roomName: body.roomName, compositionId: body.CompositionSid };
    if (body.StatusCallbackEvent === 'composition-available') {
      const job = await compositionReady(backend.deps.pipeline, { ...event, durationSeconds: body.Duration });
      return { state: job.state };
    }
    if (body.StatusCallbackEvent === 'composition-failed') {
      const job = await compositionFailed(backend.deps.pipeline, { ...event, reason: body.ErrorMessage ?? 'composition-failed' });
      return { state: job.state };
    }
    return { ignored: body.StatusCallbackEvent }; // started, progress: nothing to advance
  },
);
