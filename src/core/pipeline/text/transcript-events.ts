import type { PipelineJob, SpeakerStep } from '../../../domain/pipeline-job';
import type { TranscribedSegment } from '../../../domain/pipeline-job';
import { maybeAttach } from './attach';
import type { PipelineDeps } from '../deps';
import type { TranscriptEvent, TranscriptFailedEvent } from '../events';
import { DomainError } from '../../../domain/errors';
import { speakerKey, transcriptEventFromKey } from './speaker-key';
import { backoffDelay, errorText, loadJob, notReadyYet, updateJob } from '../job-update';
import { nextAttemptAt, retryLater } from '../retry-schedule';
import { mergeKinds, redactSegments } from '../../privacy/pii/redact-segments';
import { discardEngineCopy } from './discard-transcript';

const withSpeaker = (job: PipelineJob, compositionId: string, change: (s: SpeakerStep) => SpeakerStep): SpeakerStep[] =>
  (job.speakers ?? []).map((s) => (s.compositionId === compositionId ? change(s) : s));

const speakerOf = (job: PipelineJob, compositionId: string) => job.speakers?.find((s) => s.compositionId === compositionId);

/** The speaker already holds this transcript's redacted segments. */
const savedFrom = (job: PipelineJob, e: TranscriptEvent): boolean => {
  const s = speakerOf(job, e.compositionId);
  return s?.transcriptStatus === 'ready' && s.transcriptId === e.transcriptId;
};

/**
 * Asks the transcriber for one speaker whose transcript this caller has claimed (status pending,
 * no id yet), then records the id the job now waits on. A refusal counts as a failed attempt.
 */
export async function requestTranscript(deps: PipelineDeps, roomName: string, compositionId: string, delayMs = 0): Promise<PipelineJob> {
  let transcriptId: string;
  try {
    const key = speakerKey(await loadJob(deps, roomName), compositionId);
    transcriptId = await deps.transcriber.start({ roomName, compositionId, key, delayMs });
  } catch (e) {
    return attemptFailed(deps, roomName, compositionId, undefined, `transcriber refused: ${errorText(e)}`);
  }
  const { job } = await updateJob(deps, roomName, (j) => {
    const s = speakerOf(j, compositionId);
    if (j.state !== 'processing' || !s || s.transcriptStatus !== 'pending' || s.transcriptId) return null;
    return { speakers: withSpeaker(j, compositionId, (x) => ({ ...x, transcriptId })) };
  });
  return job;
}

/** Is this event about the transcript the speaker waits on? Throws when its id is not recorded yet. */
function awaited(job: PipelineJob, e: TranscriptEvent): SpeakerStep | null {
  if (job.state !== 'processing') return null;
  const s = speakerOf(job, e.compositionId);
  if (!s || s.transcriptStatus !== 'pending') return null;
  if (!s.transcriptId) throw notReadyYet(job.roomName);
  return s.transcriptId === e.transcriptId ? s : null;
}

/**
 * A speaker's transcript is done: read it, keep it (redacted) on the job, attach when everything
 * is in, and only then let the engine drop its own unredacted copy: a crash before the save leaves
 * that copy for the retry to read again.
 */
export async function transcriptReady(deps: PipelineDeps, e: TranscriptEvent): Promise<PipelineJob> {
  const before = await loadJob(deps, e.roomName);
  if (!awaited(before, e)) return alreadySaved(deps, before, e);
  let segments: TranscribedSegment[];
  try {
    segments = await deps.transcriber.result(e.transcriptId);
  } catch (err) {
    return attemptFailed(deps, e.roomName, e.compositionId, e.transcriptId, `reading the transcript: ${errorText(err)}`);
  }
  // Redacted before it is stored: captions, transcript.json and the message are made from these.
  const redacted = redactSegments(segments);
  const { changed, job } = await updateJob(deps, e.roomName, (j) =>
    awaited(j, e)
      ? {
          speakers: withSpeaker(j, e.compositionId, (s) => ({ ...s, transcriptStatus: 'ready', segments: redacted.segments })),
          reason: undefined,
          ...(redacted.kinds.length > 0 ? { pii: mergeKinds(j.pii, redacted.kinds) } : {}),
        }
      : null,
  );
  if (!changed) return alreadySaved(deps, job, e);
  try {
    return await maybeAttach(deps, e.roomName);
  } finally {
    await discardEngineCopy(deps, e.transcriptId);
  }
}

/**
 * A late or repeated report. When it names the transcript the speaker already holds, the engine's
 * copy is asked to go (again: the first delivery may have died between the save and the discard).
 */
async function alreadySaved(deps: PipelineDeps, job: PipelineJob, e: TranscriptEvent): Promise<PipelineJob> {
  if (savedFrom(job, e)) await discardEngineCopy(deps, e.transcriptId);
  return job;
}

export const transcriptFailed = (deps: PipelineDeps, e: TranscriptFailedEvent): Promise<PipelineJob> =>
  attemptFailed(deps, e.roomName, e.compositionId, e.transcriptId, e.reason);

/**
 * One failed attempt for one speaker: try again after a backoff. Once the attempts are spent the
 * speaker's transcript is given up, not the job: the video still goes out, and its message says
 * the transcript could not be made. `transcriptId` undefined means the request itself was refused.
 */
async function attemptFailed(
  deps: PipelineDeps,
  roomName: string,
  compositionId: string,
  transcriptId: string | undefined,
  reason: string,
): Promise<PipelineJob> {
  const { maxAttempts, backoffMs, maxBackoffMs } = deps.retry;
  let giveUp = false;
  let attempts = 0;
  const { job, changed } = await updateJob(deps, roomName, (j) => {
    giveUp = false;
    const s = speakerOf(j, compositionId);
    if (j.state !== 'processing' || !s || s.transcriptStatus !== 'pending' || s.transcriptId !== transcriptId) return null;
    attempts = s.transcribeAttempts + 1;
    giveUp = attempts >= maxAttempts;
    if (giveUp) {
      const failure = `gave up after ${attempts} attempts: ${reason}`;
      return {
        reason: `transcribe: ${failure}`,
        speakers: withSpeaker(j, compositionId, (x) => ({
          ...x,
          transcriptId: undefined,
          transcriptStatus: 'failed',
          transcribeAttempts: attempts,
          nextAttemptAt: undefined,
          failure,
        })),
      };
    }
    const at = nextAttemptAt(deps, attempts);
    return {
      reason: `transcribe attempt ${attempts}: ${reason}`,
      speakers: withSpeaker(j, compositionId, (x) => ({ ...x, transcriptId: undefined, transcribeAttempts: attempts, nextAttemptAt: at })),
    };
  });
  if (!changed) return job;
  // The job no longer waits on that transcript: whatever the engine kept of it will never be read.
  if (transcriptId) await discardEngineCopy(deps, transcriptId);
  if (giveUp) return maybeAttach(deps, roomName);
  // With a scheduler the persisted time rules (a restart re-arms it); without, the engine waits.
  const at = speakerOf(job, compositionId)?.nextAttemptAt;
  return retryLater(deps, job, () => requestTranscript(deps, roomName, compositionId, backoffDelay(attempts, backoffMs, maxBackoffMs)), at);
}

/**
 * An engine says a transcript is finished, naming the speaker only by the key it was given
 * (Voice Intelligence's webhook). The engine itself is asked how it ended, so a forged or
 * replayed report can at most deliver the truth early. Unknown keys are a 404.
 */
export async function transcriptReported(deps: PipelineDeps, report: { key: string; transcriptId: string }): Promise<PipelineJob> {
  const transcriptId = (await deps.transcriber.requestOf?.(report.transcriptId)) ?? report.transcriptId;
  const event = await transcriptEventFromKey(deps.store, report.key, transcriptId);
  if (!event) throw new DomainError('not_found', 'transcript_not_ours', 'No recording waits for this transcript.');
  const status = await deps.transcriber.status(transcriptId);
  if (status === 'ready') return transcriptReady(deps, event);
  if (status === 'failed') return transcriptFailed(deps, { ...event, reason: 'the transcription engine reported a failure' });
  throw new DomainError('conflict', 'transcript_not_finished', 'The transcript is not finished yet.');
}
