import { z } from 'zod';
import { transcriptReported } from '../../../src/core/pipeline/text/transcript-events';
import { webhookFunction } from '../lib/webhook-function';

/** Voice Intelligence service webhook: a transcript we asked for is finished. */
export const handler = webhookFunction(
  {
    name: 'transcript-status',
    path: 'transcript-status',
    schema: z
      .object({
        transcript_sid: z.string().regex(/^GT[0-9a-f]{32}$/i),
        customer_key: z.string().min(1).max(64),
      })
      .passthrough(),
  },
  async ({ body, backend }) => {
    const job = await transcriptReported(backend.deps.pipeline, { key: body.customer_key, transcriptId: body.transcript_sid });
    return { state: job.state };
  },
);
