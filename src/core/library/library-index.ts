import type { LibraryState } from '../../api/library-contract';
import { customerNameOf } from '../../domain/conversation';
import { logger } from '../../logger';
import type { PipelineJob, PipelineState } from '../../domain/pipeline-job';
import type { LibraryProgress, LibraryRecord } from '../../ports/recording-library';
import type { PipelineDeps } from '../pipeline/deps';

const STATES: Record<PipelineState, LibraryState> = {
  recorded: 'processing',
  composing: 'processing',
  processing: 'processing',
  attaching: 'processing',
  attached: 'ready',
  failed: 'failed',
  skipped: 'not_recorded',
};

const progressOf = (job: PipelineJob): LibraryProgress => ({
  state: STATES[job.state],
  durationSeconds: job.video?.durationSeconds ?? 0,
  hasTranscript: Boolean(job.transcript) && !job.transcriptDeletedAt,
  ...(job.pii?.length ? { pii: true } : {}),
  // Only once every file is gone: while `deleting`, the row still offers what is left.
  ...(job.mediaDeletion?.state === 'deleted' && job.mediaDeletion.deletedAt
    ? { mediaDeleted: { reason: job.mediaDeletion.reason, deletedAt: job.mediaDeletion.deletedAt } }
    : {}),
});

/**
 * Keeps the supervisors' library row of this recording up to date (called on every job change).
 * Best effort: the job is the record, and a library that cannot be written must never stop a
 * recording from reaching its conversation. The owner is looked up once, when the row is new.
 */
export async function indexRecording(deps: PipelineDeps, job: PipelineJob): Promise<void> {
  const library = deps.library;
  if (!library) return;
  try {
    const progress = progressOf(job);
    if (await library.updateProgress(job.recordingId, progress)) return;
    await library.upsert({ ...(await identityOf(deps, job)), ...progress });
  } catch (err) {
    logger.warn({ err, recordingId: job.recordingId }, 'recordings library: could not index the recording');
  }
}

/** Writes the attached transcript's lines into the full-text index (best effort, like the row). */
export async function indexTranscript(deps: PipelineDeps, job: PipelineJob): Promise<void> {
  if (!deps.library || !job.transcript) return;
  try {
    await deps.library.replaceLines(
      job.recordingId,
      job.transcript.segments.map((s) => ({ start: s.start, end: s.end, speaker: s.speaker, text: s.text })),
    );
  } catch (err) {
    logger.warn({ err, recordingId: job.recordingId }, 'recordings library: could not index the transcript');
  }
}

/** Who and what: the agent from the call's escalation or from the clip, the customer from the chat. */
async function identityOf(deps: PipelineDeps, job: PipelineJob): Promise<Omit<LibraryRecord, keyof LibraryProgress>> {
  const owners = deps.recordingOwners;
  const owner = job.kind === 'clip' ? await owners?.clips.get(job.escalationId) : await owners?.escalations.get(job.escalationId);
  const conversation = await deps.conversations.get(job.conversationId);
  return {
    recordingId: job.recordingId,
    conversationId: job.conversationId,
    kind: job.kind ?? 'call',
    agentIdentity: owner?.agentIdentity ?? '',
    agentName: owner?.agentName ?? 'Unknown agent',
    customerName: customerNameOf(conversation?.attributes),
    endedAt: job.endedAt,
  };
}
