import type { Attributes } from '../../domain/conversation';
import type { CustomerRecordingAccess } from '../../domain/recording-policy';
import { MESSAGE_TYPES } from '../../domain/message-types';
import type { PipelineJob, RecordingTranscript } from '../../ports/pipeline-store';
import type { RecordingUrls } from '../../ports/recording-artifacts';
import { formatDuration } from './format';
import { recordingEntryPatch } from './progress';
import { transcriptPlainText } from './transcript';

export const RECORDING_MESSAGE_TYPE = MESSAGE_TYPES.recording;
export const NOT_RECORDED_MESSAGE_TYPE = MESSAGE_TYPES.notRecorded;
export const FAILED_MESSAGE_TYPE = MESSAGE_TYPES.recordingFailed;

/** transcript.json as served to viewers: the merged transcript with word timings. */
export function transcriptDocument(job: PipelineJob, transcript: RecordingTranscript, durationSeconds: number): string {
  return JSON.stringify(
    { recordingId: job.recordingId, roomName: job.roomName, durationSeconds, ...transcript },
    null,
    2,
  );
}

/** The one chat message that carries a recording. The UI renders exactly these attributes. */
export function recordingMessage(
  job: PipelineJob,
  transcript: RecordingTranscript,
  durationSeconds: number,
  urls: RecordingUrls,
  customerAccess: CustomerRecordingAccess = 'video',
): { body: string; attributes: Attributes } {
  const text = transcriptPlainText(transcript);
  // The body is what any chat client shows the customer: no transcript when the policy says none.
  const body =
    customerAccess === 'none'
      ? `Video call recording · ${formatDuration(durationSeconds)}`
      : `Video call recording · ${formatDuration(durationSeconds)} · transcript\n\n${text || '(no speech detected)'}`;
  return {
    body,
    attributes: {
      type: RECORDING_MESSAGE_TYPE,
      recordingId: job.recordingId,
      roomName: job.roomName,
      escalationId: job.escalationId,
      durationSeconds,
      ...urls,
      transcript: {
        segments: transcript.segments.map(({ speaker, role, start, end, text: t }) => ({ speaker, role, start, end, text: t })),
      },
      customerAccess,
      idempotencyKey: job.roomName,
    },
  };
}

/** Conversation attributes patch for an attached recording (see recordingEntryPatch). */
export function recordingAttributesPatch(job: PipelineJob, durationSeconds: number, messageId: string, urls: RecordingUrls): Attributes {
  return recordingEntryPatch(job, { messageId, durationSeconds, ...urls, endedAt: job.endedAt });
}

/** Posted instead when the call ran with recording off, so the chat shows why there is no video. */
export function notRecordedMessage(job: PipelineJob): { body: string; attributes: Attributes } {
  return {
    body: 'This video call was not recorded.',
    attributes: {
      type: NOT_RECORDED_MESSAGE_TYPE,
      roomName: job.roomName,
      escalationId: job.escalationId,
      reason: 'recording_off',
      idempotencyKey: job.roomName,
    },
  };
}

/**
 * Posted once when a recording cannot be processed, so the agent is not left waiting. The
 * technical reason stays in the pipeline's state and logs: the chat is shared with the customer.
 */
export function failedMessage(job: PipelineJob): { body: string; attributes: Attributes } {
  return {
    body: 'The recording of this video call could not be processed. The support team has been notified.',
    attributes: {
      type: FAILED_MESSAGE_TYPE,
      recordingId: job.recordingId,
      roomName: job.roomName,
      escalationId: job.escalationId,
      idempotencyKey: `failed:${job.roomName}`,
    },
  };
}
