import { z } from 'zod';
import { CORRECTED_LINE_MAX_CHARS } from '../../api/transcript-corrections-contract';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -');
// Twice the stored maximum: the text is tidied and redacted before its length counts.
const lineText = z.string().max(CORRECTED_LINE_MAX_CHARS * 2, `at most ${CORRECTED_LINE_MAX_CHARS} characters`);
const speaker = z.string().min(1).max(64);
// Form-encoded bodies carry numbers and booleans as text.
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** `transcript-corrections`: correct a line, mark a recording reviewed, or (supervisors) require review. */
export const transcriptCorrectionsInputSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('correct'),
    recordingId: id,
    line: z.coerce.number().int().min(0).max(1_000_000),
    expected: z.object({ start: z.coerce.number().finite().min(0), speaker: z.string().max(64), text: lineText }),
    text: lineText,
    speaker,
  }),
  z.object({ action: z.literal('mark_reviewed'), recordingId: id }),
  z.object({ action: z.literal('require_review'), recordingId: id, required: flag }),
]);
