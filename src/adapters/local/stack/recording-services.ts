import { resolve } from 'node:path';
import type { Config } from '../../../config';
import { logger } from '../../../logger';
import { JanusTrackRecordings } from '../janus/janus-track-recordings';
import type { LocalBackend } from '../local-backend';
import { SqlitePipelineStore } from '../pipeline/sqlite-pipeline-store';
import { transcriberFromConfig } from '../pipeline/transcriber-from-config';
import { startPipelineWorker, type PipelineWorker } from '../pipeline/worker';
import { recordingMediaRoutes } from '../server/recording-media-routes';
import type { RouteHandler } from '../server/local-server';

export interface RecordingServices {
  worker: PipelineWorker;
  routes: RouteHandler[];
  stop(): Promise<void>;
}

/** The pipeline worker (room ended → composed, transcribed, attached) and recording playback. */
export function startRecordingServices(backend: LocalBackend, config: Config, dataDir: string): RecordingServices {
  const worker = startPipelineWorker({
    db: backend.db,
    conversations: backend.conversations,
    trackRecordings: new JanusTrackRecordings({ db: backend.db, recordingsDir: resolve(dataDir, 'recordings') }),
    config,
    transcriber: transcriberFromConfig(config),
    pollMs: 250,
    onError: (roomName, err) => logger.error({ roomName, err }, 'recording pipeline step failed; it will be retried'),
    onFinished: (job) => logger.info({ roomName: job.roomName, state: job.state, reason: job.reason }, 'recording pipeline finished'),
  });
  return {
    worker,
    routes: [
      recordingMediaRoutes({ deps: backend.deps, identity: backend.identity, pipeline: new SqlitePipelineStore(backend.db), dataDir }),
    ],
    stop: () => worker.stop(),
  };
}
