import type { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { correctTranscriptLine } from '../../../src/core/library/correct-transcript-line';
import { markRecordingReviewed, requireReview } from '../../../src/core/library/review-recording';
import { transcriptCorrectionsInputSchema } from '../../../src/core/library/transcript-corrections-input';
import { jsonFunction } from '../lib/json-function';

/**
 * Corrected transcripts (staff): correct a line's text or speaker (409 `line_changed` when someone
 * saved that line since the editor opened it), mark a recording reviewed, and (supervisors)
 * require review of a conversation's recordings. Who may act is the library's rule: whoever may
 * open the recording.
 */
export const handler = jsonFunction(
  {
    name: 'transcript-corrections',
    auth: 'staff',
    schema: transcriptCorrectionsInputSchema satisfies z.ZodType<FunctionsContract['/transcript-corrections']['request']>,
  },
  async ({ body, backend, staff }): Promise<FunctionsContract['/transcript-corrections']['response']> => {
    switch (body.action) {
      case 'correct': {
        const { action: _action, ...request } = body;
        return correctTranscriptLine(backend.deps, staff, request);
      }
      case 'mark_reviewed':
        return markRecordingReviewed(backend.deps, staff, body.recordingId);
      case 'require_review':
        return requireReview(backend.deps, staff, body.recordingId, body.required);
    }
  },
);
