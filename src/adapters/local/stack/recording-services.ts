import { resolve } from 'node:path';
import type { Config } from '../../../config';
import { logger } from '../../../logger';
import type { LocalBackend } from '../local-backend';
import type { LocalChatTokens } from '../local-chat-tokens';
import { startLiveTranscription } from '../pipeline/live-transcription';
import { speechEngineFromConfig } from '../pipeline/speech-engine-from-config';
import { recordingMediaRoutes } from '../server/recording-media-routes';
import type { RouteHandler } from '../server/local-server';

export interface RecordingServices {
  routes: RouteHandler[];
  stop(): Promise<void>;
}

/**
 * Recording playback, live transcription of the calls in progress, and on start the jobs a crash
 * or restart left unfinished. New recordings run where the call ends (the Functions process),
 * reporting through the core's event use cases.
 */
export function startRecordingServices(backend: LocalBackend, config: Config, dataDir: string, chatTokens: LocalChatTokens): RecordingServices {
  backend.pipeline.resume().catch((err) => logger.error({ err }, 'resuming unfinished recordings failed'));
  const live = config.LIVE_TRANSCRIPTION
    ? startLiveTranscription({
        recordingsDir: resolve(dataDir, 'recordings'),
        engine: speechEngineFromConfig(config),
        intervalMs: config.LIVE_TRANSCRIPTION_INTERVAL_MS,
      })
    : null;
  return {
    routes: [recordingMediaRoutes({ deps: backend.deps, identity: backend.identity, chatTokens, dataDir })],
    stop: async () => {
      await live?.stop();
      await backend.pipeline.idle();
    },
  };
}
