import type { ClipAnnotation } from '../../../domain/clip-annotations';
import type { PipelineJob } from '../../../domain/pipeline-job';
import { piiMuteSpans, type MuteSpan } from '../../privacy/pii/mute-spans';
import { mergeTranscripts } from '../text/transcript';
import type { FinishPlan } from './finish-step';

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** Seconds past the video's end mean nothing to ffmpeg; a span that ends up empty is dropped. */
function withinVideo<T extends { start: number; end: number }>(r: T, durationSeconds?: number): T | null {
  const end = durationSeconds && durationSeconds > 0 ? Math.min(r.end, durationSeconds) : r.end;
  const start = Math.max(0, r.start);
  return end > start ? { ...r, start, end } : null;
}

/** The annotations that still show on this video, clamped to its frame and length. */
export function annotationsOnVideo(annotations: readonly ClipAnnotation[], durationSeconds?: number): ClipAnnotation[] {
  return annotations.flatMap((a) => {
    const t = withinVideo({ start: a.startSeconds, end: a.endSeconds }, durationSeconds);
    if (!t) return [];
    const x = clamp(a.x, 0, 1);
    const y = clamp(a.y, 0, 1);
    // A rectangle keeps inside the frame; an arrow's far end too, whichever way it points.
    const width = a.kind === 'arrow' ? clamp(x + a.width, 0, 1) - x : clamp(a.width, 0, 1 - x);
    const height = a.kind === 'arrow' ? clamp(y + a.height, 0, 1) - y : clamp(a.height, 0, 1 - y);
    if (a.kind !== 'arrow' && (width <= 0 || height <= 0)) return [];
    return [{ kind: a.kind, x, y, width, height, startSeconds: t.start, endSeconds: t.end }];
  });
}

/** Where the redacted transcript says personal data was spoken, on the video's timeline (every speaker). */
export function muteSpansOf(job: Pick<PipelineJob, 'speakers' | 'video'>): MuteSpan[] {
  const speakers = (job.speakers ?? []).filter((s) => s.transcriptStatus === 'ready');
  // The stored segments are already redacted; merging puts each speaker on the video's clock.
  const merged = mergeTranscripts('finish', speakers.map((s) => ({ speaker: s, segments: s.segments ?? [] })));
  return piiMuteSpans(merged).flatMap((s) => {
    const t = withinVideo({ start: s.startSeconds, end: s.endSeconds }, job.video?.durationSeconds);
    return t ? [{ startSeconds: t.start, endSeconds: t.end }] : [];
  });
}

/** The one pass a job's video needs: the sender's annotations and the spoken personal data. */
export function finishPlan(job: Pick<PipelineJob, 'speakers' | 'video'>, annotations: readonly ClipAnnotation[]): FinishPlan {
  return { annotations: annotationsOnVideo(annotations, job.video?.durationSeconds), muteSpans: muteSpansOf(job) };
}
