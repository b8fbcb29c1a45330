import { DomainError } from '../../domain/errors';
import type { PipelineJob } from '../../ports/pipeline-store';
import type { CoreDeps } from '../deps';
import { canViewRecording, viewableRecording, type RecordingViewer } from './authorize';

/**
 * May this viewer watch this recording? The one decision for every back end; adapters then only
 * answer where the media is. Unknown recordings are 404, refused viewers 403.
 */
export async function authorizePlayback(deps: CoreDeps, viewer: RecordingViewer, recordingId: string): Promise<PipelineJob> {
  const job = await deps.pipeline.store.getByRecordingId(recordingId);
  const escalation = job ? await deps.escalations.get(job.escalationId) : null;
  if (!job || !escalation) throw new DomainError('not_found', 'recording_not_found', 'No such recording.');
  if (!canViewRecording(viewer, viewableRecording(job, escalation), deps.clock.now())) {
    throw new DomainError('forbidden', 'not_allowed', 'You are not allowed to watch this recording.');
  }
  return job;
}
