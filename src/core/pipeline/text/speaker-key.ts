import type { PipelineStore } from '../../../ports/pipeline-store';
import type { PipelineJob } from '../../../domain/pipeline-job';
import type { TranscriptEvent } from '../events';

/** `<recordingId>/<speaker index>`: short enough for Voice Intelligence's 64-character customerKey. */
export const speakerKey = (job: PipelineJob, compositionId: string): string =>
  `${job.recordingId}/${(job.speakers ?? []).findIndex((s) => s.compositionId === compositionId)}`;

/**
 * The event a transcript webhook stands for, from the key the engine handed back. Null when the
 * key names no speaker of any job (a stranger, or a forged request): the caller refuses it.
 */
export async function transcriptEventFromKey(store: PipelineStore, key: string, transcriptId: string): Promise<TranscriptEvent | null> {
  const m = /^([A-Za-z0-9_-]{1,64})\/(\d{1,3})$/.exec(key);
  if (!m) return null;
  const job = await store.getByRecordingId(m[1]);
  const speaker = job?.speakers?.[Number(m[2])];
  if (!job || !speaker) return null;
  return { roomName: job.roomName, compositionId: speaker.compositionId, transcriptId };
}
