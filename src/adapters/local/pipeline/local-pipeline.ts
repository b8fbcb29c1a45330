import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Config } from '../../../config';
import type { PipelineDeps } from '../../../core/pipeline/deps';
import { resumeUnfinished } from '../../../core/pipeline/resume';
import { systemClock, type Clock } from '../../../ports/clock';
import type { ConversationsPort } from '../../../ports/conversations';
import type { PipelineStore } from '../../../ports/pipeline-store';
import type { RoomRef } from '../../../ports/rooms';
import { JanusTrackRecordings } from '../janus/janus-track-recordings';
import type { Db } from '../db';
import { FfmpegComposer } from './ffmpeg-composer';
import { JanusMediaSource } from './janus-media-source';
import { LocalRecordingArtifacts } from './local-artifacts';
import { LocalComposer } from './local-composer';
import { LocalPipelineEvents } from './local-events';
import type { ParticipantMedia } from './local-media';
import { LocalTranscriber } from './local-transcriber';
import type { SpeechEngine } from './speech-engine';
import { speechEngineFromConfig } from './speech-engine-from-config';

export interface LocalPipelineOptions {
  db: Db;
  store: PipelineStore;
  conversations: ConversationsPort;
  config: Pick<Config, 'DATA_DIR' | 'TRANSCRIBE_MAX_ATTEMPTS' | 'TRANSCRIBE_BACKOFF_MS'> & Partial<Config>;
  /** Replace a step (tests, another engine). Defaults: Janus recordings, ffmpeg, the configured engine. */
  engine?: SpeechEngine;
  source?: { prepare(room: RoomRef, recordingId: string): Promise<ParticipantMedia[]> };
  grid?: FfmpegComposer;
  clock?: Clock;
  transcribeConcurrency?: number;
  newRecordingId?: () => string;
  onPersisted?: PipelineDeps['onPersisted'];
  onError?: (what: string, e: unknown) => void;
}

export interface LocalPipeline {
  deps: PipelineDeps;
  /** Picks up every job a crash or restart left unfinished. */
  resume(): Promise<void>;
  /** Resolves when the background work started in this process has reported back. */
  idle(): Promise<void>;
}

/**
 * The local back end's recording pipeline: Janus recordings → ffmpeg → the speech engine, all
 * reporting through the core's event use cases, exactly as Twilio's webhooks do.
 */
export function createLocalPipeline(o: LocalPipelineOptions): LocalPipeline {
  const dataDir = resolve(o.config.DATA_DIR);
  const onError = o.onError ?? (() => undefined);
  const events = new LocalPipelineEvents(onError);
  const source = o.source ?? new JanusMediaSource(new JanusTrackRecordings({ db: o.db, recordingsDir: resolve(dataDir, 'recordings') }), { dataDir });
  const deps: PipelineDeps = {
    store: o.store,
    composer: new LocalComposer({ dataDir, source, grid: o.grid ?? new FfmpegComposer({ dataDir }), events }),
    transcriber: new LocalTranscriber({
      dataDir,
      engine: o.engine ?? speechEngineFromConfig({ TRANSCRIBER: 'pocketsphinx', ...o.config }),
      events,
      concurrency: o.transcribeConcurrency,
    }),
    artifacts: new LocalRecordingArtifacts(dataDir),
    conversations: o.conversations,
    clock: o.clock ?? systemClock,
    retry: { maxAttempts: o.config.TRANSCRIBE_MAX_ATTEMPTS, backoffMs: o.config.TRANSCRIBE_BACKOFF_MS },
    newRecordingId: o.newRecordingId ?? (() => `RE${randomUUID().replace(/-/g, '')}`),
    onPersisted: o.onPersisted,
    customerRecordingAccess: o.config.CUSTOMER_RECORDING_ACCESS,
  };
  events.bind(deps);
  return {
    deps,
    resume: () => resumeUnfinished(deps, (roomName, e) => onError(`resume ${roomName}`, e)),
    idle: () => events.idle(),
  };
}
