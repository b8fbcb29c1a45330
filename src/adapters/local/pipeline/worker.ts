import type { Config } from '../../../config';
import { runJob, type PipelineDeps } from '../../../core/pipeline/run-job';
import { systemClock, type Clock } from '../../../ports/clock';
import type { Composer } from '../../../ports/composer';
import type { ConversationsPort } from '../../../ports/conversations';
import type { PipelineJob } from '../../../ports/pipeline-store';
import type { RecordingMediaSource } from '../../../ports/recording-media';
import type { TrackRecordingsPort } from '../../../ports/track-recordings';
import type { Transcriber } from '../../../ports/transcriber';
import type { Db } from '../db';
import { FfmpegComposer } from './ffmpeg-composer';
import { JanusMediaSource } from './janus-media-source';
import { LocalRecordingArtifacts } from './local-artifacts';
import { PocketsphinxTranscriber } from './pocketsphinx-transcriber';
import { SqlitePipelineStore } from './sqlite-pipeline-store';

export interface PipelineWorkerOptions {
  db: Db;
  conversations: ConversationsPort;
  trackRecordings: TrackRecordingsPort;
  config: Pick<Config, 'DATA_DIR' | 'TRANSCRIBE_MAX_ATTEMPTS' | 'TRANSCRIBE_BACKOFF_MS'>;
  /** Replace any engine or step (tests, another transcription engine). Defaults: Janus, ffmpeg, pocketsphinx. */
  transcriber?: Transcriber;
  composer?: Composer;
  mediaSource?: RecordingMediaSource;
  clock?: Clock;
  /** How often to look for jobs written by another process (the Functions process ends calls too). */
  pollMs?: number;
  transcribeConcurrency?: number;
  onPersisted?: PipelineDeps['onPersisted'];
  /** A job run that threw (persisting failed, or a simulated crash); the job stays resumable. */
  onError?: (roomName: string, error: unknown) => void;
  /** Every job that reached a terminal state. */
  onFinished?: (job: PipelineJob) => void;
}

export interface PipelineWorker {
  stop(): Promise<void>;
  kick(): void;
}

class Stopped extends Error {}

/**
 * The local pipeline worker: one job at a time, oldest first. On start it picks up every job not
 * in a terminal state, so a job left mid-way by a crash or restart resumes from its last step.
 */
export function startPipelineWorker(o: PipelineWorkerOptions): PipelineWorker {
  const store = new SqlitePipelineStore(o.db);
  const pollMs = o.pollMs ?? 1000;
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleepers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (stopped) return reject(new Stopped('worker stopped'));
      const cancel = () => {
        clearTimeout(timer);
        sleepers.delete(cancel);
        reject(new Stopped('worker stopped'));
      };
      const timer = setTimeout(() => {
        sleepers.delete(cancel);
        resolve();
      }, ms);
      sleepers.add(cancel);
    });

  const deps: PipelineDeps = {
    store,
    media: o.mediaSource ?? new JanusMediaSource(o.trackRecordings, { dataDir: o.config.DATA_DIR }),
    composer: o.composer ?? new FfmpegComposer({ dataDir: o.config.DATA_DIR }),
    transcriber: o.transcriber ?? new PocketsphinxTranscriber(),
    artifacts: new LocalRecordingArtifacts(o.config.DATA_DIR),
    conversations: o.conversations,
    clock: o.clock ?? systemClock,
    retry: { maxAttempts: o.config.TRANSCRIBE_MAX_ATTEMPTS, backoffMs: o.config.TRANSCRIBE_BACKOFF_MS },
    sleep,
    transcribeConcurrency: o.transcribeConcurrency ?? 2,
    onPersisted: o.onPersisted,
  };

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const loop = async () => {
    while (!stopped) {
      let jobs: PipelineJob[] = [];
      try {
        jobs = await store.listUnfinished();
      } catch (e) {
        o.onError?.('', e);
      }
      let threw = false;
      for (const job of jobs) {
        if (stopped) break;
        try {
          const done = await runJob(deps, job.roomName);
          o.onFinished?.(done);
        } catch (e) {
          if (e instanceof Stopped) break;
          threw = true;
          o.onError?.(job.roomName, e);
        }
      }
      // Nothing to do, or a run threw: wait for a kick or the next poll instead of spinning.
      if (!stopped && (jobs.length === 0 || threw)) await idle(pollMs);
    }
  };
  const running = loop();

  return {
    kick: () => wake?.(),
    stop: async () => {
      stopped = true;
      for (const cancel of [...sleepers]) cancel();
      wake?.();
      await running;
    },
  };
}
