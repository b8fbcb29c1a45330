import { DomainError } from '../../../domain/errors';
import { ERASED_TEXT, MEDIA_DELETED_TEXT } from '../../../domain/privacy';
import type { PipelineJob } from '../../../domain/pipeline-job';
import type { CoreDeps } from '../../deps';
import { canViewRecording, viewableRecording, type RecordingViewer } from './authorize';
import { assertVideoFinished } from '../finish/playable';

/**
 * May this viewer watch this recording? The one decision for every back end; adapters then only
 * answer where the media is. Unknown recordings are 404, refused viewers 403.
 */
export async function authorizePlayback(deps: CoreDeps, viewer: RecordingViewer, recordingId: string): Promise<PipelineJob> {
  const job = await deps.pipeline.store.getByRecordingId(recordingId);
  const viewable = job ? await viewableOf(deps, job) : null;
  if (!job || !viewable) throw new DomainError('not_found', 'recording_not_found', 'No such recording.');
  const conversation = viewer.kind === 'chat' ? await deps.conversations.get(job.conversationId) : null;
  const recording = {
    ...viewable,
    // An agent's clip is a reply addressed to the customer: the policy on call recordings does not hide it.
    customerAccess: job.clip?.authorRole === 'agent' ? 'video' : deps.pipeline.customerRecordingAccess,
    conversationOpen: conversation ? conversation.state !== 'closed' : undefined,
  };
  if (!canViewRecording(viewer, recording, deps.clock.now())) {
    throw new DomainError('forbidden', 'not_allowed', 'You are not allowed to watch this recording.');
  }
  return job;
}

/** The recording's owner and link, from its call or its clip. */
async function viewableOf(deps: CoreDeps, job: PipelineJob) {
  if (job.kind === 'clip') {
    const clip = await deps.clips.get(job.escalationId);
    if (!clip) return null;
    return { ...viewableRecording(job, { id: clip.id, agentIdentity: clip.agentIdentity, linkId: clip.linkId ?? '' }) };
  }
  const escalation = await deps.escalations.get(job.escalationId);
  return escalation ? viewableRecording(job, escalation) : null;
}

/**
 * A recording whose media deletion has begun has no video to play: 410 Gone with the reason, so
 * the player says why instead of failing to load. Captions and transcript stay while kept.
 */
export function assertVideoKept(job: PipelineJob): void {
  if (!job.mediaDeletion) return assertVideoFinished(job);
  const message = job.mediaDeletion.reason === 'erasure' ? `Video ${ERASED_TEXT}.` : `${MEDIA_DELETED_TEXT}.`;
  throw new DomainError('gone', 'media_deleted', message);
}

export type RecordingFile = 'video.mp4' | 'captions.vtt' | 'transcript.json';

const CONTENT_TYPES: Record<Exclude<RecordingFile, 'video.mp4'>, string> = {
  'captions.vtt': 'text/vtt; charset=utf-8',
  'transcript.json': 'application/json; charset=utf-8',
};

/**
 * What an authorized viewer gets for one file of a recording: the video as a URL their player
 * loads (the back end says where), captions and transcript as content.
 */
export async function openRecording(
  deps: CoreDeps,
  viewer: RecordingViewer,
  recordingId: string,
  file: RecordingFile,
): Promise<{ url: string } | { content: string; contentType: string }> {
  const job = await authorizePlayback(deps, viewer, recordingId);
  const artifacts = deps.pipeline.artifacts;
  if (file === 'video.mp4') {
    assertVideoKept(job);
    return { url: await artifacts.videoUrl(job) };
  }
  const content = await artifacts.read(recordingId, file);
  if (content === null) throw new DomainError('not_found', 'not_ready', 'This part of the recording is not ready yet.');
  return { content, contentType: CONTENT_TYPES[file] };
}
