import type { WatchRecording, WatchTranscript, WatchTranscriptLine, WatchVideo, WatchVideoResponse } from '../../api/watch-contract';
import { DomainError } from '../../domain/errors';
import type { PipelineJob } from '../../domain/pipeline-job';
import { MEDIA_DELETED_TEXT } from '../../domain/privacy';
import type { CoreDeps } from '../deps';
import { assertVideoKept } from '../pipeline/playback/playback';
import { recordingTitle, TRANSCRIPT_DELETED_TEXT } from '../pipeline/text/recording-message';
import { recordingOfWatchLink } from './watch-access';

const VIDEO_WITHHELD = 'The video stays with the support team. Here is what was said.';

/**
 * What the watch page may show for a link: the player's URL, or why there is no video (being
 * made, withheld by the policy, deleted under retention), and the transcript with its captions,
 * or why there is none. The same answer on every back end; only the video URL's kind differs.
 */
export async function openWatch(deps: CoreDeps, linkToken: string): Promise<WatchRecording> {
  const { job, claims, access } = await recordingOfWatchLink(deps, linkToken);
  return {
    recordingId: job.recordingId,
    kind: job.kind ?? 'call',
    title: recordingTitle(job),
    durationSeconds: job.video?.durationSeconds ?? 0,
    recordedAt: job.endedAt,
    expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
    access,
    video: await videoOf(deps, job, access),
    transcript: await transcriptOf(deps, job),
  };
}

/**
 * A fresh URL of the video: on Twilio the composition's pre-signed media URL
 * (`GET /v1/Compositions/{sid}/Media`, twilio.com/docs/video/api/compositions-resource), which
 * lapses after MEDIA_URL_TTL_SECONDS, so a long watch asks again; locally a grant as short.
 * 410 `media_deleted` once retention deleted it, 403 where the policy withholds it.
 */
export async function watchVideo(deps: CoreDeps, linkToken: string): Promise<WatchVideoResponse> {
  const { job, access } = await recordingOfWatchLink(deps, linkToken);
  if (access !== 'video') throw new DomainError('forbidden', 'not_allowed', VIDEO_WITHHELD);
  assertVideoKept(job);
  if (job.video?.status !== 'ready') throw new DomainError('not_found', 'video_not_ready', 'The video is not ready yet.');
  return { url: await deps.pipeline.artifacts.videoUrl(job) };
}

async function videoOf(deps: CoreDeps, job: PipelineJob, access: 'video' | 'transcript'): Promise<WatchVideo> {
  if (access !== 'video') return { state: 'withheld', message: VIDEO_WITHHELD };
  if (job.mediaDeletion) return { state: 'deleted', message: `${MEDIA_DELETED_TEXT}.` };
  if (job.video?.status === 'ready') return { state: 'ready', url: await deps.pipeline.artifacts.videoUrl(job) };
  if (job.state === 'failed' || job.video?.status === 'failed') return { state: 'unavailable', message: 'The video could not be made. The support team has been told.' };
  return { state: 'processing', message: 'The video is still being prepared. Try again in a minute.' };
}

interface TranscriptDocument {
  segments?: WatchTranscriptLine[];
}

async function transcriptOf(deps: CoreDeps, job: PipelineJob): Promise<WatchTranscript> {
  if (job.transcriptDeletedAt) return { state: 'deleted', message: `${TRANSCRIPT_DELETED_TEXT}.` };
  const document = await deps.pipeline.artifacts.read(job.recordingId, 'transcript.json');
  if (document !== null) {
    const segments = ((JSON.parse(document) as TranscriptDocument).segments ?? []).map(({ speaker, role, start, end, text }) => ({ speaker, role, start, end, text }));
    return { state: 'ready', segments, captions: await deps.pipeline.artifacts.read(job.recordingId, 'captions.vtt') };
  }
  if (job.state === 'attached' || job.state === 'failed') return { state: 'unavailable', message: 'The transcript could not be made for this recording.' };
  return { state: 'pending', message: 'The transcript is on its way. Try again in a minute.' };
}
