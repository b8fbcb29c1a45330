import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { PipelineJob } from '../../../domain/pipeline-job';
import type { PipelineDeps } from '../../../core/pipeline/deps';
import { compositionReady } from '../../../core/pipeline/compose/composition-events';
import { finishVideo } from '../../media/finish-video';
import type { MediaWork, SqlMediaWork } from '../../sql/sql-media-work';
import { isNotFound } from '../rest-errors';
import type { TwilioClient } from '../twilio-client';
import { downloadComposition } from './composition-download';
import { GiveUp } from './give-up';
import type { VideoPublisher } from './video-publisher';

export interface VideoFinishingContext {
  /** This copy's name on the rows it leases. */
  owner: string;
  work: SqlMediaWork;
  client: TwilioClient;
  pipeline: PipelineDeps;
  videos: VideoPublisher;
  ffmpeg: string;
  ffprobe?: string;
  timeoutMs: number;
  maxAttempts: number;
  log: Logger;
  now: () => Date;
}

/** Where the job stands towards this finished video. */
function standing(job: PipelineJob | null, w: MediaWork): 'awaited' | 'reported' | 'gone' {
  if (!job || job.mediaDeletion) return 'gone';
  if (job.video?.compositionId === w.id && job.video.status === 'ready') return 'reported';
  const f = job.finish;
  const awaited = job.state === 'processing' && f?.status === 'finishing' && f.finishId === w.id && !!f.plan && job.video?.compositionId === w.id && job.video.status === 'pending';
  return awaited ? 'awaited' : 'gone';
}

/**
 * One finished video (src/core/pipeline/finish/DESIGN-NOTE.md, "Twilio back end"): the Twilio
 * composition downloaded (`GET /v1/Compositions/{CJ…}/Media` → `redirect_to`), the finishing pass
 * run (the same ffmpeg pass as locally), the mp4 published for viewers and recorded on the row,
 * the original composition deleted (`DELETE /v1/Compositions/{CJ…}`, 404 = gone already), then
 * `compositionReady(finishId)`, exactly as a transcript failure is reported: through the core's
 * use case. Each step is checked before it is done again, so a copy killed anywhere leaves a row
 * the next claim completes: a published file on the row skips the download and the pass.
 */
export async function processVideoWork(c: VideoFinishingContext, w: MediaWork, scratch: string): Promise<void> {
  const log = c.log.child({ work: w.id, roomName: w.roomName, compositionId: w.compositionId, attempt: w.attempts });
  const at = () => c.now().toISOString();
  const job = await c.pipeline.store.get(w.roomName);
  const where = standing(job, w);
  if (where === 'reported') return c.work.videoDone(w.id, at());
  if (where === 'gone') {
    // A later attempt, a failed recording, deleted media: nothing to make, and a file made goes.
    log.info('media worker: the recording no longer waits for this finished video');
    return c.work.discardVideo(w.id, at());
  }
  if (w.attempts > c.maxAttempts) throw new GiveUp(`gave up after ${w.attempts - 1} attempts: ${w.error ?? 'the worker stopped mid-file'}`);
  const plan = job!.finish!.plan!;
  let measured: number | undefined;
  if (!w.mediaRef) {
    await mkdir(scratch, { recursive: true, mode: 0o700 });
    const source = join(scratch, 'composition.mp4');
    const output = join(scratch, 'finished.mp4');
    const t0 = Date.now();
    await downloadComposition(c.client, w.compositionId, source);
    measured = (await finishVideo(source, output, plan, { ffmpeg: c.ffmpeg, ffprobe: c.ffprobe, timeoutMs: c.timeoutMs })).durationSeconds;
    const ref = await c.videos.publish(`${w.id}.mp4`, output);
    if (!(await c.work.videoPublished(w.id, c.owner, ref, at()))) {
      // Taken over meanwhile (our lease ran out): the holder publishes its own. Ours goes unless it is the very same file.
      const now = await c.work.get(w.id);
      if (now?.mediaRef !== ref) await c.videos.remove(ref);
      log.warn('media worker: lost the row while finishing the video');
      return;
    }
    log.info({ ms: Date.now() - t0, annotations: plan.annotations.length, muteSpans: plan.muteSpans.length }, 'media worker: finished video published');
  }
  // The unfinished composition goes once the finished video exists.
  try {
    await c.client.video.v1.compositions(w.compositionId).remove();
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  await compositionReady(c.pipeline, { roomName: w.roomName, compositionId: w.id, durationSeconds: measured ?? job!.video?.durationSeconds });
  await c.work.videoDone(w.id, at());
}
