import type { MediaDeletion } from '../../domain/privacy';
import { loadJob, updateJob } from '../pipeline/job-update';
import type { ErasureDeps } from './privacy-deps';
import { hasTranscriptText, type RecordingErasure } from './erasure-plan';

/**
 * Erases one recording's media and transcript. The intent (`mediaDeletion: deleting`) is written
 * before the first file goes, so an erasure cut short is finished by the next run (or the
 * retention sweep); the job keeps no transcript text afterwards. Returns what went now.
 */
export async function eraseRecording(deps: ErasureDeps, r: RecordingErasure): Promise<{ mediaFiles: number; transcript: boolean }> {
  const { roomName, recordingId } = r.job;
  const at = deps.clock.now().toISOString();
  if (r.mediaFiles > 0) {
    await updateJob(deps.pipeline, roomName, (j) =>
      j.mediaDeletion?.state === 'deleting' ? null : { mediaDeletion: { state: 'deleting', reason: 'erasure', startedAt: at } },
    );
  }
  const job = await loadJob(deps.pipeline, roomName);
  const mediaFiles = r.mediaFiles > 0 || job.mediaDeletion?.state === 'deleting' ? await deps.recordingMedia.deleteMedia(job) : 0;
  await deps.recordingMedia.deleteTranscriptArtifacts(job);
  const library = deps.pipeline.library;
  if (library && (await library.get(recordingId))) await library.replaceLines(recordingId, []);
  let transcript = false;
  await updateJob(deps.pipeline, roomName, (j) => {
    transcript = hasTranscriptText(j);
    const media = j.mediaDeletion?.state === 'deleting' ? finished(j.mediaDeletion, at) : j.mediaDeletion;
    if (!transcript && media === j.mediaDeletion && j.transcriptDeletedAt) return null;
    return {
      transcript: undefined,
      speakers: j.speakers?.map(({ segments: _segments, ...s }) => s),
      transcriptDeletedAt: j.transcriptDeletedAt ?? at,
      mediaDeletion: media,
    };
  });
  return { mediaFiles, transcript };
}

const finished = (d: MediaDeletion, at: string): MediaDeletion => ({ ...d, state: 'deleted', deletedAt: at });

