import { logger } from '../../../logger';
import type { PipelineDeps } from '../deps';

/**
 * Tells the engine its own copy of a transcript is no longer needed, so the unredacted text does
 * not outlive the redacted one we keep (Voice Intelligence holds it until deleted). Callers call it
 * only once nothing will read that copy again: the redacted segments are saved on the job, or the
 * attempt is recorded as failed. Best effort: a failure is logged and leaves the copy to the
 * engine's own retention; it never fails the job.
 */
export async function discardEngineCopy(deps: PipelineDeps, transcriptId: string): Promise<void> {
  if (!deps.transcriber.discard) return;
  try {
    await deps.transcriber.discard(transcriptId);
  } catch (err) {
    logger.warn({ err, transcriptId, engine: deps.transcriber.name }, "transcription engine: could not delete its copy of a transcript");
  }
}
