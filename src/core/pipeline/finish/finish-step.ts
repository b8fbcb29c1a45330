import type { ClipStore } from '../../../ports/clip-store';
import type { FinishPlan, VideoFinisher } from './video-finisher';

export type { FinishPlan } from './video-finisher';

/**
 * The finishing step of one job (DESIGN-NOTE.md beside this file).
 * - waiting: the composer's video is in, hidden behind `finishId`; the step waits for the transcripts
 * - finishing: the finisher is making `finishId` from `sourceCompositionId` with `plan`
 * - none: nothing to blur, mark or mute: the composer's own video went back on the job
 * The finished video is the job's video step (`video.compositionId === finishId`, ready).
 */
export interface FinishStep {
  status: 'waiting' | 'finishing' | 'none';
  /** The composer's unfinished video, deleted once the finished one exists. */
  sourceCompositionId?: string;
  /** The finished video's id: the job's video step waits on it like on a composition. */
  finishId?: string;
  plan?: FinishPlan;
}

/** What the finishing step needs beyond the pipeline's ports: the finisher, and the clip's annotations. */
export interface FinishingDeps {
  finisher: VideoFinisher;
  clips: Pick<ClipStore, 'get'>;
}

// Declared here, beside their types, rather than in src/domain/pipeline-job.ts: the plan holds
// core types (MuteSpan, the finisher's request), which the domain may not import.
declare module '../../../domain/pipeline-job' {
  interface PipelineJob {
    /** Blur, mark-up and muting burned into the video before anyone may play it (#22). */
    finish?: FinishStep;
  }
}
declare module '../deps' {
  interface PipelineDeps {
    /** Present: every recording's video is finished (annotations, muted PII) before it is playable. */
    finishing?: FinishingDeps;
  }
}

const FINISH_ID = /^FN-(\d+)-([A-Za-z0-9_-]+)$/;

/** The finished video's id for a recording: one per attempt, so a redo never meets an earlier one's leftovers. */
export const finishIdFor = (recordingId: string, attempt: number): string => `FN-${attempt}-${recordingId}`;

export const isFinishId = (id: string): boolean => FINISH_ID.test(id);

/** The recording a finish id belongs to, or null for any other id. */
export function recordingIdOfFinish(id: string): string | null {
  return FINISH_ID.exec(id)?.[2] ?? null;
}

export const planIsEmpty = (p: FinishPlan): boolean => p.annotations.length === 0 && p.muteSpans.length === 0;
