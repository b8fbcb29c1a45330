import type { Clock } from '../../ports/clock';
import type { Composer } from '../../ports/composer';
import type { ConversationsPort } from '../../ports/conversations';
import { TERMINAL_STATES, type PipelineJob, type PipelineStore, type RecordingTranscript } from '../../ports/pipeline-store';
import type { RecordingArtifacts } from '../../ports/recording-artifacts';
import type { ParticipantMedia, RecordingMediaSource } from '../../ports/recording-media';
import type { Transcriber } from '../../ports/transcriber';
import { buildWebVtt } from './captions';
import { failedMessage, notRecordedMessage, recordingAttributesPatch, recordingMessage, transcriptDocument } from './recording-message';
import { progressPatch } from './progress';
import { mergeTranscripts, type TrackTranscript } from './transcript';

export interface PipelineDeps {
  store: PipelineStore;
  media: RecordingMediaSource;
  composer: Composer;
  transcriber: Transcriber;
  artifacts: RecordingArtifacts;
  conversations: ConversationsPort;
  clock: Clock;
  retry: { maxAttempts: number; backoffMs: number; maxBackoffMs?: number };
  /** Waits between transcription attempts; the worker's version rejects when it is stopped. */
  sleep: (ms: number) => Promise<void>;
  /** Author of the messages the pipeline posts. */
  messageAuthor?: string;
  /** Audio tracks transcribed at once (each engine process takes one core). */
  transcribeConcurrency?: number;
  /** Called after every persisted change. Tests throw here to simulate a crash between steps. */
  onPersisted?: (job: PipelineJob) => void | Promise<void>;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** Exponential, capped: base, 2×base, 4×base … never more than maxBackoffMs. */
export const backoffDelay = (attempt: number, base: number, cap = 30_000): number =>
  Math.min(cap, base * 2 ** Math.max(0, attempt - 1));

/**
 * Runs one room's job from wherever it stands to a terminal state, persisting every step, so a
 * crash at any point resumes from the last persisted state. Throws only when persisting fails or
 * the worker stops mid-wait (the job then stays resumable); step failures become `failed`.
 */
export async function runJob(deps: PipelineDeps, roomName: string): Promise<PipelineJob> {
  let job = await deps.store.get(roomName);
  if (!job) throw new Error(`no pipeline job for room ${roomName}`);
  while (!TERMINAL_STATES.includes(job.state)) {
    if (job.state === 'recorded' || job.state === 'composing') job = await compose(deps, job);
    else if (job.state === 'composed' || job.state === 'transcribing') job = await transcribe(deps, job);
    else job = await attach(deps, job);
  }
  return job;
}

async function persist(deps: PipelineDeps, job: PipelineJob, patch: Partial<PipelineJob>): Promise<PipelineJob> {
  const next: PipelineJob = { ...job, ...patch, updatedAt: deps.clock.now().toISOString() };
  await deps.store.save(next);
  if (next.state !== job.state) await publishProgress(deps, next);
  await deps.onPersisted?.(next);
  return next;
}

/** Best effort: progress is a courtesy to the agent; the job's own state is the record. */
async function publishProgress(deps: PipelineDeps, job: PipelineJob): Promise<void> {
  try {
    await deps.conversations.mergeAttributes(job.conversationId, progressPatch(job));
  } catch {
    // The conversation may be unavailable; the next step or the final message will catch up.
  }
}

const fail = (deps: PipelineDeps, job: PipelineJob, step: string, e: unknown) =>
  failWith(deps, job, { reason: `${step}: ${errorText(e)}` });

/** Persists `failed`, then tells the conversation once (best effort: the state already records it). */
async function failWith(deps: PipelineDeps, job: PipelineJob, patch: Partial<PipelineJob>): Promise<PipelineJob> {
  const failed = await persist(deps, job, { ...patch, state: 'failed' });
  try {
    const { body, attributes } = failedMessage(failed);
    const key = String(attributes.idempotencyKey);
    if (!(await deps.conversations.findMessageByAttribute(failed.conversationId, 'idempotencyKey', key))) {
      await deps.conversations.postMessage(failed.conversationId, { author: author(deps), body, attributes });
    }
  } catch {
    // The conversation may be what failed; the job's state and reason still say what happened.
  }
  return failed;
}

async function compose(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  if (!job.recording) return skipNotRecorded(deps, job);
  if (job.state !== 'composing') job = await persist(deps, job, { state: 'composing' });
  let media: ParticipantMedia[];
  let composition;
  try {
    media = await deps.media.prepare({ name: job.roomName, sid: job.roomSid }, job.recordingId);
    if (media.length === 0) return await fail(deps, job, 'compose', new Error('no_tracks_recorded'));
    composition = await deps.composer.compose(job.recordingId, media);
  } catch (e) {
    return fail(deps, job, 'compose', e);
  }
  return persist(deps, job, { state: 'composed', media, composition, reason: undefined });
}

async function skipNotRecorded(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  try {
    const existing = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    const message =
      existing ??
      (await deps.conversations.postMessage(job.conversationId, { author: author(deps), ...notRecordedMessage(job) }));
    return persist(deps, job, { state: 'skipped', reason: 'recording_off', messageId: message.id });
  } catch (e) {
    return fail(deps, job, 'skip', e);
  }
}

const author = (deps: PipelineDeps) => deps.messageAuthor ?? 'system';

async function transcribe(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  if (job.state !== 'transcribing') job = await persist(deps, job, { state: 'transcribing' });
  const { maxAttempts, backoffMs, maxBackoffMs } = deps.retry;
  for (;;) {
    let transcript: RecordingTranscript;
    try {
      transcript = await transcribeTracks(deps, job);
    } catch (e) {
      const attempts = job.transcribeAttempts + 1;
      if (attempts >= maxAttempts) {
        return failWith(deps, job, {
          transcribeAttempts: attempts,
          reason: `transcribe: gave up after ${attempts} attempts: ${errorText(e)}`,
        });
      }
      job = await persist(deps, job, { transcribeAttempts: attempts, reason: `transcribe attempt ${attempts}: ${errorText(e)}` });
      await deps.sleep(backoffDelay(attempts, backoffMs, maxBackoffMs));
      continue;
    }
    try {
      const duration = job.composition?.durationSeconds ?? 0;
      await deps.artifacts.write(job.recordingId, 'transcript.json', transcriptDocument(job, transcript, duration));
      await deps.artifacts.write(job.recordingId, 'captions.vtt', buildWebVtt(transcript));
    } catch (e) {
      return fail(deps, job, 'transcribe', e);
    }
    return persist(deps, job, { state: 'transcribed', transcript, reason: undefined });
  }
}

async function transcribeTracks(deps: PipelineDeps, job: PipelineJob): Promise<RecordingTranscript> {
  const audio = (job.media ?? []).filter((m) => m.kind === 'audio');
  const results: TrackTranscript[] = new Array(audio.length);
  let next = 0;
  let broken = false;
  const lane = async () => {
    while (next < audio.length && !broken) {
      const i = next++;
      try {
        const wav = await deps.composer.speechAudio(job.recordingId, audio[i], i);
        results[i] = { track: audio[i], segments: await deps.transcriber.transcribe(wav) };
      } catch (e) {
        broken = true;
        throw e;
      }
    }
  };
  const lanes = Math.max(1, Math.min(deps.transcribeConcurrency ?? 1, audio.length));
  // allSettled: a failing lane must not leave its sibling's engine running into the retry.
  const settled = await Promise.allSettled(Array.from({ length: lanes }, lane));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return mergeTranscripts(deps.transcriber.name, results);
}

async function attach(deps: PipelineDeps, job: PipelineJob): Promise<PipelineJob> {
  if (!job.transcript || !job.composition) return fail(deps, job, 'attach', new Error('transcript or composition missing'));
  const duration = job.composition.durationSeconds;
  let messageId: string;
  try {
    // After a crash between posting and persisting, the message is found, not posted again.
    const existing = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    const message =
      existing ??
      (await deps.conversations.postMessage(job.conversationId, {
        author: author(deps),
        ...recordingMessage(job, job.transcript, duration),
      }));
    messageId = message.id;
    await deps.conversations.mergeAttributes(job.conversationId, recordingAttributesPatch(job, duration, messageId));
  } catch (e) {
    return fail(deps, job, 'attach', e);
  }
  return persist(deps, job, { state: 'attached', messageId, reason: undefined });
}
