import type { RecorderClip } from '../../api/contract';
import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import { recordedSecondsAt, type Clip } from '../../domain/clip';
import type { CoreDeps } from '../deps';

/** What the recorder is told about a clip: never the link, room or identities. */
export function clipView(deps: CoreDeps, clip: Clip): RecorderClip {
  const cap = deps.config.CLIP_MAX_SECONDS;
  return {
    clipId: clip.id,
    status: clip.status,
    authorRole: clip.authorRole,
    agentName: clip.agentName,
    ...(clip.mode ? { mode: clip.mode } : {}),
    take: clip.take,
    recordedSeconds: Math.min(cap, Math.round(recordedSecondsAt(clip, deps.clock.now()) * 10) / 10),
    maxSeconds: cap,
    warnAtSeconds: Math.min(deps.config.CLIP_WARN_SECONDS, cap),
    ...(clip.stopCause ? { stopCause: clip.stopCause } : {}),
    notice: CLIP_RECORDING_NOTICE,
    ...(clip.linkExpiresAt ? { expiresAt: clip.linkExpiresAt } : {}),
  };
}
