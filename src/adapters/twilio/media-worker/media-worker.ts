import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PipelineJob, SpeakerStep } from '../../../domain/pipeline-job';
import type { PipelineDeps } from '../../../core/pipeline/deps';
import { transcriptFailed, transcriptReported } from '../../../core/pipeline/text/transcript-events';
import { compositionFailed } from '../../../core/pipeline/compose/composition-events';
import { errorText } from '../../../core/pipeline/job-update';
import type { Logger } from 'pino';
import { makeSpeechAudio } from '../../media/speech-audio';
import { isVideoWork, type MediaWork, type SqlMediaWork } from '../../sql/sql-media-work';
import { isNotFound } from '../rest-errors';
import type { TwilioClient } from '../twilio-client';
import { downloadComposition } from './composition-download';
import type { MediaPublisher } from './media-publisher';
import { transcriptChannel } from './transcript-channel';
import { GiveUp } from './give-up';
import type { VideoPublisher } from './video-publisher';
import { processVideoWork } from './video-finishing';

export interface MediaWorkerOptions {
  /** This copy's name on the rows it leases. */
  id: string;
  work: SqlMediaWork;
  client: TwilioClient;
  /** The pipeline, to read a job and to report what only the worker learns (a failure, a lost webhook). */
  pipeline: PipelineDeps;
  publisher: MediaPublisher;
  /** Where finished videos (blur, mark-up, muted PII: #22) are published for viewers. */
  videos: VideoPublisher;
  serviceSid: string;
  /** Scratch folder for downloads and transcodes (one sub-folder per row, removed after). */
  scratchDir: string;
  ffmpeg: string;
  ffprobe?: string;
  transcodeTimeoutMs: number;
  leaseMs: number;
  maxAttempts: number;
  /** First retry delay after a failed attempt; doubles per attempt. */
  retryBackoffMs: number;
  /** A submitted transcript with no news this long is looked at (lost webhook, failure, orphan). */
  followUpMs: number;
  /** Lifetime of the URL handed to Voice Intelligence. */
  urlTtlMs: number;
  log: Logger;
  now?: () => Date;
}

/** Is the pipeline job still waiting on this row's transcript? (A row not yet recorded on the job counts.) */
function awaitedSpeaker(job: PipelineJob | null, w: MediaWork, submitted: boolean): SpeakerStep | null {
  if (!job || job.state !== 'processing') return null;
  const s = job.speakers?.find((x) => x.compositionId === w.compositionId);
  if (!s || s.transcriptStatus !== 'pending') return null;
  if (s.transcriptId === w.id) return s;
  // start() returns before the job records the id; a fresh row may be a moment ahead of it.
  return !submitted && !s.transcriptId ? s : null;
}

/**
 * One copy of the media worker: claims rows of ve_media_work, turns each speaker's audio
 * composition into FLAC, publishes it for Voice Intelligence and creates the transcript, and
 * finishes videos (video-finishing.ts); then follows up on transcripts that were never reported. Stateless: the row is the whole state, so a
 * copy killed mid-file loses nothing (its lease runs out and another copy starts the row over).
 */
export class MediaWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly o: MediaWorkerOptions) {}

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }
  private at(ms: number): string {
    return new Date(this.now().getTime() + ms).toISOString();
  }

  start(pollMs: number): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let busy = false;
        try {
          busy = (await this.processNext()) || (await this.followUpNext()) || (await this.removeSpentMedia());
        } catch (err) {
          this.o.log.error({ err }, 'media worker: a round failed');
        }
        if (!busy && this.running) await new Promise<void>((resolve) => ((this.wake = resolve), setTimeout(resolve, pollMs)));
      }
    })();
  }

  /** Stops claiming; the row in hand is finished first (a killed copy's row is taken over instead). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Claims and works one row; false when none was due. */
  async processNext(): Promise<boolean> {
    const { work, id, leaseMs } = this.o;
    const w = await work.claimNext(id, this.now().toISOString(), this.at(leaseMs));
    if (!w) return false;
    const renew = setInterval(() => void work.renew(w.id, id, this.at(leaseMs)).catch(() => undefined), Math.max(100, Math.floor(leaseMs / 3)));
    const scratch = join(this.o.scratchDir, w.id);
    try {
      await this.process(w, scratch);
    } catch (err) {
      await this.attemptFailed(w, errorText(err), err instanceof GiveUp);
    } finally {
      clearInterval(renew);
      await rm(scratch, { recursive: true, force: true });
    }
    return true;
  }

  private async process(w: MediaWork, scratch: string): Promise<void> {
    const { o } = this;
    if (isVideoWork(w)) {
      const c = { owner: o.id, work: o.work, client: o.client, pipeline: o.pipeline, videos: o.videos, ffmpeg: o.ffmpeg, ffprobe: o.ffprobe };
      return processVideoWork({ ...c, timeoutMs: o.transcodeTimeoutMs, maxAttempts: o.maxAttempts, log: o.log, now: () => this.now() }, w, scratch);
    }
    const log = o.log.child({ work: w.id, roomName: w.roomName, compositionId: w.compositionId, attempt: w.attempts });
    const speaker = awaitedSpeaker(await o.pipeline.store.get(w.roomName), w, false);
    if (!speaker) {
      log.info('media worker: the recording no longer waits for this transcript');
      await o.work.finish(w.id, this.now().toISOString());
      return;
    }
    if (w.attempts > o.maxAttempts) throw new GiveUp(`gave up after ${w.attempts - 1} attempts: ${w.error ?? 'the worker stopped mid-file'}`);
    await mkdir(scratch, { recursive: true, mode: 0o700 });
    const source = join(scratch, 'composition');
    const flac = join(scratch, 'speech.flac');
    const t0 = Date.now();
    const bytes = await downloadComposition(o.client, w.compositionId, source);
    await makeSpeechAudio(o.ffmpeg, { input: source, output: flac, format: 'flac' }, { timeoutMs: o.transcodeTimeoutMs });
    const published = await o.publisher.publish(`${w.id}.flac`, flac, new Date(this.now().getTime() + o.urlTtlMs));
    const transcript = await o.client.intelligence.v2.transcripts.create({
      serviceSid: o.serviceSid,
      channel: transcriptChannel(published.url, speaker),
      customerKey: w.customerKey,
    });
    if (!(await o.work.submitted(w.id, o.id, transcript.sid, published.ref, this.now().toISOString()))) {
      // The row was taken from us meanwhile (our lease ran out): the other copy's transcript is the one.
      log.warn({ transcriptSid: transcript.sid }, 'media worker: lost the row while working; withdrawing this transcript');
      await this.deleteTranscript(transcript.sid);
      await o.publisher.remove(published.ref);
      return;
    }
    log.info({ transcriptSid: transcript.sid, compositionBytes: bytes, ms: Date.now() - t0 }, 'media worker: FLAC handed to Voice Intelligence');
  }

  /** One failed attempt: again later (backoff), or, once the attempts are spent, failed and said so to the pipeline. */
  private async attemptFailed(w: MediaWork, reason: string, giveUp: boolean): Promise<void> {
    const { o } = this;
    const now = this.now().toISOString();
    if (w.attempts < o.maxAttempts && !giveUp) {
      const delay = o.retryBackoffMs * 2 ** (w.attempts - 1);
      await o.work.retryLater(w.id, o.id, this.at(delay), reason, now);
      o.log.warn({ work: w.id, attempt: w.attempts, reason }, 'media worker: attempt failed; trying again later');
      return;
    }
    if (!(await o.work.fail(w.id, o.id, reason, now))) return;
    if (isVideoWork(w)) {
      o.log.error({ work: w.id, reason }, 'media worker: gave up on a finished video');
      // The pipeline composes the recording again (bounded), and finishes it under a new id.
      await compositionFailed(o.pipeline, { roomName: w.roomName, compositionId: w.id, reason: `media worker: ${reason}` });
      return;
    }
    o.log.error({ work: w.id, reason }, 'media worker: gave up on a transcript');
    await transcriptFailed(o.pipeline, { roomName: w.roomName, compositionId: w.compositionId, transcriptId: w.id, reason: `media worker: ${reason}` });
  }

  /**
   * Looks at one submitted transcript nobody has reported for a while: a lost webhook is replayed
   * through the same use case, a transcript Voice Intelligence failed (it sends no webhook for
   * those) is reported failed, and one the recording no longer waits for is deleted.
   */
  async followUpNext(): Promise<boolean> {
    const { o } = this;
    const w = await o.work.claimFollowUp(o.id, new Date(this.now().getTime() - o.followUpMs).toISOString(), this.now().toISOString(), this.at(o.leaseMs));
    if (!w || !w.transcriptSid) return false;
    const transcriber = o.pipeline.transcriber;
    if (!awaitedSpeaker(await o.pipeline.store.get(w.roomName), w, true)) {
      await transcriber.discard?.(w.id);
      return true;
    }
    const status = await transcriber.status(w.id);
    if (status === 'ready') {
      await transcriptReported(o.pipeline, { key: w.customerKey, transcriptId: w.transcriptSid });
    } else if (status === 'failed') {
      await transcriptFailed(o.pipeline, { roomName: w.roomName, compositionId: w.compositionId, transcriptId: w.id, reason: 'Voice Intelligence failed the transcript' });
    } else {
      await o.work.followedUp(w.id, o.id, this.now().toISOString());
    }
    return true;
  }

  /**
   * Deletes the FLACs of finished rows where they were published (what a bucket would otherwise
   * keep), and the discarded finished videos this copy can reach (retention, a superseded finish).
   */
  async removeSpentMedia(): Promise<boolean> {
    const spent = await this.o.work.spentMedia(10);
    for (const w of spent) {
      await this.o.publisher.remove(w.mediaRef ?? '');
      await this.o.work.mediaRemoved(w.id);
    }
    const videos = await this.o.work.spentVideos(this.o.videos.refPrefix, 10);
    for (const w of videos) {
      await this.o.videos.remove(w.mediaRef ?? '');
      await this.o.work.mediaRemoved(w.id);
    }
    return spent.length + videos.length > 0;
  }

  private async deleteTranscript(sid: string): Promise<void> {
    try {
      await this.o.client.intelligence.v2.transcripts(sid).remove();
    } catch (e) {
      if (!isNotFound(e)) this.o.log.warn({ err: e, transcriptSid: sid }, 'media worker: could not delete a withdrawn transcript');
    }
  }
}
