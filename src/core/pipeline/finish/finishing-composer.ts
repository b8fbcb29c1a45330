import type { Composer } from '../../../ports/composer';
import { isFinishId } from './finish-step';
import type { VideoFinisher } from './video-finisher';

/**
 * The composer the pipeline sees when finishing is on: a finished video is the job's video step,
 * so `resumeJob` asks "where does it stand" of the composer; finish ids go to the finisher.
 */
export function withFinishing(composer: Composer, finisher: VideoFinisher): Composer {
  return {
    start: (room, recordingId, options) => composer.start(room, recordingId, options),
    status: (compositionId) => (isFinishId(compositionId) ? finisher.status(compositionId) : composer.status(compositionId)),
  };
}
