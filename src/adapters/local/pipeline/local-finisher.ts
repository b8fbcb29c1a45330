import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompositionStatus } from '../../../ports/composer';
import type { CompositionEvent, CompositionFailedEvent } from '../../../core/pipeline/events';
import { recordingIdOfFinish } from '../../../core/pipeline/finish/finish-step';
import type { FinishRequest, VideoFinisher } from '../../../core/pipeline/finish/video-finisher';
import { finishVideo } from '../../media/finish-video';
import type { MediaKeyRing } from '../crypto/key-ring';
import { sealFile } from '../crypto/seal';
import { decryptToFile, readStoredFile } from '../crypto/stored-files';
import { recordingDir, writeFileAtomic } from './local-artifacts';

export interface LocalFinisherOptions {
  dataDir: string;
  mediaKeys: MediaKeyRing;
  /** The local pipeline's events: results go through the core's use cases; background work is tracked. */
  events: {
    compositionReady(e: CompositionEvent): void;
    compositionFailed(e: CompositionFailedEvent): void;
    track(work: Promise<unknown>, roomName?: string): void;
  };
  ffmpeg?: string;
  ffprobe?: string;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * The local finishing pass, in-process (src/core/pipeline/finish/DESIGN-NOTE.md). The composed
 * video at rest is sealed, so the pass decrypts it to a scratch file beside it, runs ffmpeg, seals
 * the result as `<finishId>.finished.mp4`, writes a done marker, and renames the finished file over
 * `video.mp4`: the rename is what deletes the unfinished video, in one step. Every step is
 * checked before it is done again, so a restart anywhere ends with one finished `video.mp4`.
 */
export class LocalFinisher implements VideoFinisher {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly o: LocalFinisherOptions) {}

  private paths(recordingId: string, finishId: string) {
    const dir = recordingDir(this.o.dataDir, recordingId);
    return {
      video: join(dir, 'video.mp4'),
      source: join(dir, `.${finishId}.source.mp4`),
      output: join(dir, `.${finishId}.output.mp4`),
      finished: join(dir, `${finishId}.finished.mp4`),
      done: join(dir, `${finishId}.done.json`),
    };
  }

  async start(r: FinishRequest): Promise<void> {
    if (this.running.has(r.finishId)) return;
    const work = this.run(r).finally(() => this.running.delete(r.finishId));
    this.running.set(r.finishId, work);
    this.o.events.track(work, r.roomName);
  }

  async status(finishId: string): Promise<CompositionStatus> {
    if (this.running.has(finishId)) return { status: 'pending' };
    const recordingId = recordingIdOfFinish(finishId);
    const done = recordingId ? await this.completed(recordingId, finishId) : null;
    // Never started, or lost with its process: the pipeline's next step starts it again.
    return done ? { status: 'ready', durationSeconds: done.durationSeconds } : { status: 'pending' };
  }

  /** The marker of a finished pass, completing its rename if a crash came between the two. */
  private async completed(recordingId: string, finishId: string): Promise<{ durationSeconds?: number } | null> {
    const p = this.paths(recordingId, finishId);
    let marker: { durationSeconds?: number };
    try {
      marker = JSON.parse((await readStoredFile(p.done, this.o.mediaKeys)).toString('utf8')) as { durationSeconds?: number };
    } catch {
      return null;
    }
    if (await exists(p.finished)) await rename(p.finished, p.video);
    return marker;
  }

  private async run(r: FinishRequest): Promise<void> {
    const p = this.paths(r.recordingId, r.finishId);
    try {
      let done = await this.completed(r.recordingId, r.finishId);
      let measured: number | undefined;
      if (!done) {
        if (!(await exists(p.finished))) {
          await decryptToFile(p.video, p.source, this.o.mediaKeys);
          measured = (await finishVideo(p.source, p.output, r.plan, { ffmpeg: this.o.ffmpeg, ffprobe: this.o.ffprobe })).durationSeconds;
          // Sealed before it takes a name anything reads; the plaintext lasts as long as the pass.
          await sealFile(p.output, p.finished, this.o.mediaKeys);
        }
        const durationSeconds = measured ?? r.durationSeconds;
        await writeFileAtomic(p.done, JSON.stringify({ durationSeconds }));
        await rename(p.finished, p.video);
        done = { durationSeconds };
      }
      this.o.events.compositionReady({ roomName: r.roomName, compositionId: r.finishId, durationSeconds: done.durationSeconds ?? r.durationSeconds });
    } catch (e) {
      this.o.events.compositionFailed({ roomName: r.roomName, compositionId: r.finishId, reason: `finishing: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500) });
    } finally {
      await rm(p.source, { force: true });
      await rm(p.output, { force: true });
    }
  }
}
