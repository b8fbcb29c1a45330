import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Config } from '../../../config';
import type { PipelineDeps } from '../../../core/pipeline/deps';
import { resumeJob } from '../../../core/pipeline/resume';
import { systemClock, type Clock } from '../../../ports/clock';
import type { ConversationsPort } from '../../../ports/conversations';
import type { PipelineStore } from '../../../ports/pipeline-store';
import type { PipelineJob } from '../../../domain/pipeline-job';
import { JanusTrackRecordings } from '../janus/janus-track-recordings';
import type { MediaKeyRing } from '../crypto/key-ring';
import { mediaKeyRingFromConfig } from '../crypto/media-keys-from-config';
import type { Db } from '../db';
import { FfmpegComposer } from './ffmpeg-composer';
import { JobLeases } from './job-leases';
import { JanusMediaSource } from './janus-media-source';
import { LocalRecordingArtifacts } from './local-artifacts';
import { MediaGrants } from '../media-grants';
import { watchLinkSigning } from '../../../core/watch/watch-link-signing';
import { LocalComposer } from './local-composer';
import { LocalPipelineEvents } from './local-events';
import type { RecordedMediaSource } from './local-media';
import { LocalTranscriber } from './local-transcriber';
import type { SpeechEngine } from './speech-engine';
import { speechEngineFromConfig } from './speech-engine-from-config';
import { sealable, sealFinishedRecordings, sealRecordingFiles } from './seal-finished-recordings';
import type { OutboundPublisher } from '../../../ports/outbound-events';
import { LocalFinisher } from './local-finisher';
import { withFinishing } from '../../../core/pipeline/finish/finishing-composer';

export interface LocalPipelineOptions {
  db: Db;
  /** Where `recording.ready` goes for the CRMs (#20); none in pipeline tests. */
  outbound?: OutboundPublisher;
  store: PipelineStore;
  conversations: ConversationsPort;
  config: Pick<Config, 'DATA_DIR' | 'TRANSCRIBE_MAX_ATTEMPTS' | 'TRANSCRIBE_BACKOFF_MS'> & Partial<Config>;
  /** The keys media is sealed with at rest; default: the configuration's (MEDIA_KEY, MEDIA_KEY_FILE, or the file beside DATA_DIR). */
  mediaKeys?: MediaKeyRing;
  /** Replace a step (tests, another engine). Defaults: Janus recordings, ffmpeg, the configured engine. */
  engine?: SpeechEngine;
  source?: RecordedMediaSource;
  grid?: FfmpegComposer;
  clock?: Clock;
  transcribeConcurrency?: number;
  newRecordingId?: () => string;
  onPersisted?: PipelineDeps['onPersisted'];
  /** The supervisors' recordings library the pipeline keeps up to date, and where it finds each recording's agent. */
  library?: PipelineDeps['library'];
  recordingOwners?: PipelineDeps['recordingOwners'];
  onError?: (what: string, e: unknown) => void;
}

export interface LocalPipeline {
  deps: PipelineDeps;
  mediaKeys: MediaKeyRing;
  /** Picks up every job a crash or restart left unfinished, and seals the files of finished ones left in plaintext. */
  resume(): Promise<void>;
  /** Resolves when the background work started in this process (and every retry it scheduled) has reported back. */
  idle(): Promise<void>;
  /**
   * Cancels scheduled retries, schedules no more, and stops renewing leases, as a dying worker
   * would; the store keeps the retry state. Work already running still reports (see idle).
   */
  stop(): void;
}

/**
 * The local back end's recording pipeline: Janus recordings → ffmpeg → the speech engine, all
 * reporting through the core's event use cases, exactly as Twilio's webhooks do.
 */
export function createLocalPipeline(o: LocalPipelineOptions): LocalPipeline {
  const dataDir = resolve(o.config.DATA_DIR);
  const mediaKeys = o.mediaKeys ?? mediaKeyRingFromConfig({ ...o.config, DATA_DIR: dataDir });
  const onError = o.onError ?? (() => undefined);
  const leases = new JobLeases(o.store, o.config.PIPELINE_LEASE_MS ?? 30_000, (roomName) =>
    onError(`lease ${roomName}`, new Error('lost the job lease to another worker')),
  );
  const events = new LocalPipelineEvents(onError, leases);
  // Blur, highlights and muted personal data are burned into the composed video before anyone may play it (#22).
  const finisher = new LocalFinisher({ dataDir, mediaKeys, events });
  const source = o.source ?? new JanusMediaSource(new JanusTrackRecordings({ db: o.db, recordingsDir: resolve(dataDir, 'recordings') }), { dataDir });
  // Customer links' key: without it (pipeline tests) messages carry no watch link and video URLs no grant.
  const linkSecret = o.config.LINK_SIGNING_SECRET;
  const deps: PipelineDeps = {
    store: o.store,
    composer: withFinishing(new LocalComposer({ dataDir, mediaKeys, source, grid: o.grid ?? new FfmpegComposer({ dataDir, mediaKeys }), events }), finisher),
    transcriber: new LocalTranscriber({
      dataDir,
      engine: o.engine ?? speechEngineFromConfig({ TRANSCRIBER: 'pocketsphinx', ...o.config }),
      events,
      mediaKeys,
      concurrency: o.transcribeConcurrency,
    }),
    // Video URLs for viewers already checked carry a short-lived grant (the watch page has no media cookie).
    artifacts: new LocalRecordingArtifacts(dataDir, mediaKeys, linkSecret ? new MediaGrants(linkSecret, o.config.MEDIA_URL_TTL_SECONDS ?? 600) : undefined),
    conversations: o.conversations,
    clock: o.clock ?? systemClock,
    retry: {
      maxAttempts: o.config.TRANSCRIBE_MAX_ATTEMPTS,
      backoffMs: o.config.TRANSCRIBE_BACKOFF_MS,
      maxBackoffMs: o.config.PIPELINE_RETRY_MAX_BACKOFF_MS,
      composeMaxAttempts: o.config.COMPOSE_MAX_ATTEMPTS,
    },
    wakeAt: (roomName, at) => wake(roomName, at),
    exclusive: (roomName, work) => leases.run(roomName, work),
    newRecordingId: o.newRecordingId ?? (() => `RE${randomUUID().replace(/-/g, '')}`),
    onPersisted: async (job) => {
      await o.onPersisted?.(job);
      if (sealable(job)) await sealFinished(job);
    },
    library: o.library,
    finishing: o.recordingOwners ? { finisher, clips: o.recordingOwners.clips } : undefined,
    recordingOwners: o.recordingOwners,
    outbound: o.outbound,
    customerRecordingAccess: o.config.CUSTOMER_RECORDING_ACCESS,
    // The customer's watch link in the recording message, as on Twilio (same key as every customer link).
    watchLinks: linkSecret
      ? watchLinkSigning({ LINK_SIGNING_SECRET: linkSecret, PUBLIC_BASE_URL: o.config.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000', WATCH_LINK_TTL_DAYS: o.config.WATCH_LINK_TTL_DAYS ?? 30 })
      : undefined,
  };
  events.bind(deps);
  // The raw tracks and WAVs stay plain while janus-pp-rec, ffmpeg and the engines read them; once
  // the job has ended nothing reads them again, so they are sealed (under the job's lease).
  async function sealFinished(job: PipelineJob): Promise<void> {
    try {
      await sealRecordingFiles(dataDir, mediaKeys, job);
    } catch (e) {
      onError(`seal ${job.roomName}`, e); // the next start's pass seals what is left
    }
  }
  // Retries this worker has scheduled: one timer per job, the earliest wins.
  const timers = new Map<string, { at: number; timer: NodeJS.Timeout; done: () => void }>();
  let stopped = false;
  const advance = async (roomName: string): Promise<void> => {
    try {
      const resumed = await leases.run(roomName, () => resumeJob(deps, roomName));
      // Another worker holds the job. Look again once its lease could have run out: if that
      // worker died (a restart while the old process goes), this one takes the job over.
      if (resumed === null) wake(roomName, new Date(Date.now() + leases.leaseMs + 100));
    } catch (e) {
      onError(`resume ${roomName}`, e);
    }
  };
  function wake(roomName: string, at: Date): void {
    // A stopped worker schedules nothing: the retry's time is in the store for the next one.
    if (stopped) return;
    const current = timers.get(roomName);
    if (current && current.at <= at.getTime()) return;
    if (current) {
      clearTimeout(current.timer);
      current.done();
    }
    let done = () => undefined as void;
    events.track(new Promise<void>((r) => (done = r)));
    const timer = setTimeout(() => {
      timers.delete(roomName);
      void advance(roomName).finally(done);
    }, Math.max(0, at.getTime() - Date.now()));
    timers.set(roomName, { at: at.getTime(), timer, done });
  }
  return {
    deps,
    mediaKeys,
    resume: async () => {
      for (const job of await o.store.listUnfinished()) await advance(job.roomName);
      await sealFinishedRecordings(dataDir, mediaKeys, o.store).catch((e) => onError('seal finished recordings', e));
    },
    idle: () => events.idle(),
    stop: () => {
      stopped = true;
      for (const t of timers.values()) {
        clearTimeout(t.timer);
        t.done();
      }
      timers.clear();
      leases.stop();
    },
  };
}
