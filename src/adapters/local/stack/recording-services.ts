import { logger } from '../../../logger';
import type { LocalBackend } from '../local-backend';
import { recordingMediaRoutes } from '../server/recording-media-routes';
import type { RouteHandler } from '../server/local-server';

export interface RecordingServices {
  routes: RouteHandler[];
  stop(): Promise<void>;
}

/**
 * Recording playback, and on start the jobs a crash or restart left unfinished. New recordings
 * run where the call ends (the Functions process), reporting through the core's event use cases.
 */
export function startRecordingServices(backend: LocalBackend, dataDir: string): RecordingServices {
  backend.pipeline.resume().catch((err) => logger.error({ err }, 'resuming unfinished recordings failed'));
  return {
    routes: [recordingMediaRoutes({ deps: backend.deps, identity: backend.identity, dataDir })],
    stop: () => backend.pipeline.idle(),
  };
}
