import { CORRECTED_LINE_MAX_CHARS, type CorrectLineRequest, type CorrectLineResponse } from '../../api/transcript-corrections-contract';
import { DomainError } from '../../domain/errors';
import type { StaffIdentity } from '../../domain/identity';
import type { PiiKind } from '../../domain/privacy';
import type { PipelineJob, RecordingTranscript, SpeakerSegment } from '../../domain/pipeline-job';
import { logger } from '../../logger';
import { updateJob } from '../pipeline/job-update';
import { buildWebVtt } from '../pipeline/text/captions';
import { transcriptDocument } from '../pipeline/text/recording-message';
import { mergeKinds } from '../privacy/pii/redact-segments';
import { redactText } from '../privacy/pii/redact-text';
import { correctedMessage } from './corrected-message';
import { mayOpen, notAllowed } from './library-access';
import { libraryFor, type CorrectionDeps } from './correction-deps';
import { tidyLine, withLineEdited } from './transcript-line-edit';

type Outcome = { kind: 'saved'; before: SpeakerSegment } | { kind: 'unchanged' } | { kind: 'stale' } | { kind: 'missing' } | { kind: 'bad_speaker' };

const lineChanged = () =>
  new DomainError('conflict', 'line_changed', 'Someone else changed this line after you opened it. Your text is kept: check the new line, then save again.');

/**
 * Staff who may open a recording correct one of its transcript lines: the text (redacted like
 * every transcript) or the speaker. The pipeline job's transcript is the record, changed by one
 * conditional write that also checks the line still reads as the editor saw it (a stale edit is a
 * 409, never a silent overwrite). Then transcript.json, the captions, the search index and the
 * posted message follow, and the change is kept with who, when, before and after.
 *
 * Saving the same correction again changes nothing and is not recorded twice, but it does write
 * the files and the index again: the way to finish a save that failed halfway.
 */
export async function correctTranscriptLine(deps: CorrectionDeps, staff: StaffIdentity, request: Omit<CorrectLineRequest, 'action'>): Promise<CorrectLineResponse> {
  const library = libraryFor(deps);
  const record = await library.get(request.recordingId);
  if (!record) throw new DomainError('not_found', 'recording_not_found', 'No such recording.');
  if (!mayOpen(staff, record)) throw notAllowed();
  const job = await deps.pipeline.store.getByRecordingId(request.recordingId);
  if (!job?.transcript || job.transcriptDeletedAt) throw new DomainError('conflict', 'no_transcript', 'This recording has no transcript to correct.');

  const { text: redacted, findings } = redactTextOf(request.text);
  const edit = { speaker: request.speaker, text: redacted };
  let outcome: Outcome = { kind: 'missing' };
  let before: RecordingTranscript = job.transcript;
  const { job: saved, changed } = await updateJob(deps.pipeline, job.roomName, (j) => {
    const transcript = j.transcript;
    const line = transcript?.segments[request.line];
    if (!transcript || !line || j.transcriptDeletedAt) return (outcome = { kind: 'missing' }), null;
    if (line.text === edit.text && line.speaker === edit.speaker) return (outcome = { kind: 'unchanged' }), null;
    const { expected } = request;
    if (line.start !== expected.start || line.text !== expected.text || line.speaker !== expected.speaker) return (outcome = { kind: 'stale' }), null;
    const next = withLineEdited(transcript, request.line, edit);
    if (!next) return (outcome = { kind: 'bad_speaker' }), null;
    outcome = { kind: 'saved', before: line };
    before = transcript;
    return { transcript: next, ...(findings.length ? { pii: mergeKinds(j.pii, findings) } : {}) };
  });
  // TypeScript cannot see the assignments inside the callback.
  const result = outcome as Outcome;
  if (result.kind === 'missing') throw new DomainError('not_found', 'line_not_found', 'This line is no longer in the transcript.');
  if (result.kind === 'stale') throw lineChanged();
  if (result.kind === 'bad_speaker') throw new DomainError('invalid_request', 'invalid_request', 'Choose one of the speakers offered.');

  const transcript = saved.transcript as RecordingTranscript;
  const line = transcript.segments[request.line];
  if (changed && result.kind === 'saved') await keepRecord(deps, staff, saved, request.line, result.before, line);
  await follow(deps, saved, changed ? before : null);
  return {
    line: { line: request.line, start: line.start, end: line.end, speaker: line.speaker, role: line.role, text: line.text },
    changed,
    redacted: findings.length > 0,
  };
}

/** The new text as every transcript is stored: tidied, PII replaced by markers; never empty or too long. */
function redactTextOf(text: string): { text: string; findings: PiiKind[] } {
  const tidy = tidyLine(text.replace(/[\u0000-\u001f\u007f]/g, ' '));
  if (!tidy) throw new DomainError('invalid_request', 'invalid_request', 'Write what was said on this line.');
  if (tidy.length > CORRECTED_LINE_MAX_CHARS) throw new DomainError('invalid_request', 'invalid_request', `A line holds at most ${CORRECTED_LINE_MAX_CHARS} characters.`);
  const { text: redacted, findings } = redactText(tidy);
  return { text: tidyLine(redacted), findings: findings.map((f) => f.kind) };
}

/** The correction (redacted texts only) in the library, and an entry in the audit log (ids, no text). */
async function keepRecord(deps: CorrectionDeps, staff: StaffIdentity, job: PipelineJob, index: number, before: SpeakerSegment, after: SpeakerSegment): Promise<void> {
  const at = deps.clock.now().toISOString();
  const id = deps.newId();
  await libraryFor(deps).recordCorrection({
    id,
    recordingId: job.recordingId,
    line: index,
    start: after.start,
    before: { speaker: before.speaker, text: before.text },
    after: { speaker: after.speaker, text: after.text },
    by: { identity: staff.identity, ...(staff.name ? { name: staff.name } : {}), at },
  });
  const fields = [before.text !== after.text ? 'text' : '', before.speaker !== after.speaker ? 'speaker' : ''].filter(Boolean).join(',');
  await deps.privacy.appendAudit({
    id: `transcript-corrected:${id}`,
    at,
    actor: staff.identity,
    actorName: staff.name,
    action: 'transcript.corrected',
    conversationId: job.conversationId,
    subject: job.recordingId,
    details: { line: index, changed: fields, correctionId: id },
  });
}

/**
 * What viewers read follows the saved transcript: transcript.json and captions (rewritten whole,
 * atomically), the line in the search index, and the recording message's excerpt. The files and
 * the index must follow (a failure is an error: saving again finishes it); the message is best
 * effort, since the conversation may be closed or erased.
 */
async function follow(deps: CorrectionDeps, job: PipelineJob, before: RecordingTranscript | null): Promise<void> {
  const transcript = job.transcript as RecordingTranscript;
  const { artifacts } = deps.pipeline;
  await artifacts.write(job.recordingId, 'transcript.json', transcriptDocument(job, transcript, job.video?.durationSeconds ?? 0));
  await artifacts.write(job.recordingId, 'captions.vtt', buildWebVtt(transcript));
  await libraryFor(deps).replaceLines(
    job.recordingId,
    transcript.segments.map((s) => ({ start: s.start, end: s.end, speaker: s.speaker, text: s.text })),
  );
  if (!before) return;
  try {
    const message = await deps.pipeline.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
    const next = message && correctedMessage(message, before, transcript, deps.clock.now().toISOString());
    if (message && next) await deps.pipeline.conversations.updateMessage(job.conversationId, message.id, next);
  } catch (err) {
    logger.warn({ err, recordingId: job.recordingId }, 'transcript correction: the recording message was not updated');
  }
}
