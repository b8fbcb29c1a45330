import { resolve } from 'node:path';
import type { Config } from '../../../config';
import { reconcileCalls } from '../../../core/reconcile';
import { logger } from '../../../logger';
import { EmptyRoomWatcher } from '../janus/empty-room-watcher';
import { startClipLimitsTimer } from './clip-limits-timer';
import { startRetentionTimer, type RetentionTimer } from './retention-timer';
import { startRepeatingTask } from './repeating-task';
import { deliverDue } from '../../../core/outbound/deliver-outbound';
import { systemClock, type Clock } from '../../../ports/clock';
import type { LocalBackend } from '../local-backend';
import type { LocalChatTokens } from '../local-chat-tokens';
import { startLiveTranscription } from '../pipeline/live-transcription';
import { speechEngineFromConfig } from '../pipeline/speech-engine-from-config';
import { clipViewRoutes } from '../server/clip-view-routes';
import { recordingMediaRoutes } from '../server/recording-media-routes';
import type { RouteHandler } from '../server/http-helpers';

export interface RecordingServices {
  routes: RouteHandler[];
  /** The retention sweep's timer (RETENTION_SWEEP_INTERVAL_SECONDS) and a sweep on demand. */
  retention: Pick<RetentionTimer, 'sweepNow'>;
  stop(): Promise<void>;
}

/**
 * Recording playback, live transcription of the calls in progress, and on start the calls and
 * jobs a crash or restart left unfinished. New recordings run where the call ends (the Functions process),
 * reporting through the core's event use cases.
 */
export async function startRecordingServices(
  backend: LocalBackend,
  config: Config,
  dataDir: string,
  chatTokens: LocalChatTokens,
  /** The retention sweep's time (tests move it past the retention days). */
  clock: Clock = systemClock,
): Promise<RecordingServices> {
  // Before the origin serves anyone: calls a crash left open are ended, so nobody is handed a dead call.
  const { ended, failed } = await reconcileCalls(backend.deps);
  if (ended.length) logger.info({ calls: ended.map((e) => e.id) }, 'ended calls whose room did not survive a restart');
  for (const f of failed) logger.error({ err: f.error, escalationId: f.escalationId }, 'could not end a call left open; next start retries');
  backend.pipeline.resume().catch((err) => logger.error({ err }, 'resuming unfinished recordings failed'));
  const live = config.LIVE_TRANSCRIPTION
    ? startLiveTranscription({
        recordingsDir: resolve(dataDir, 'recordings'),
        engine: speechEngineFromConfig(config),
        mediaKeys: backend.pipeline.mediaKeys,
        intervalMs: config.LIVE_TRANSCRIPTION_INTERVAL_MS,
      })
    : null;
  // Calls nobody ends by hand (tab closed, everyone left) end once their room stays empty.
  const emptyRooms = new EmptyRoomWatcher(backend.deps, {
    timeoutMs: config.ROOM_EMPTY_TIMEOUT_SECONDS * 1000,
    onError: (err, room) => logger.error({ err, roomName: room.name }, 'could not check or end an empty room'),
  });
  emptyRooms.start();
  // Clip takes are cut off at the length cap, and sent as recorded when their author is gone.
  const clipLimits = startClipLimitsTimer(backend.deps);
  const retention = startRetentionTimer(backend.deps, {
    intervalMs: config.RETENTION_SWEEP_INTERVAL_SECONDS * 1000,
    clock,
    paceMs: config.RETENTION_SWEEP_PACE_MS,
  });
  // Outbound events (#20) go out from here; on Twilio a scheduler calls /outbound-deliver instead.
  const outbound = startRepeatingTask('outbound delivery', config.OUTBOUND_DELIVER_INTERVAL_MS, () =>
    deliverDue(backend.deps.outboundDelivery, backend.deps.outboundDelivery.clock.now()),
  );
  return {
    retention: { sweepNow: () => retention.sweepNow() },
    routes: [
      recordingMediaRoutes({ deps: backend.deps, identity: backend.identity, chatTokens, dataDir, mediaKeys: backend.pipeline.mediaKeys }),
      clipViewRoutes({ deps: backend.deps, identity: backend.identity, chatTokens }),
    ],
    stop: async () => {
      await emptyRooms.stop();
      await clipLimits.stop();
      await retention.stop();
      await outbound.stop();
      await live?.stop();
      backend.pipeline.stop();
      await backend.pipeline.idle();
    },
  };
}
