import type { Attributes } from '../../../domain/conversation';
import { TERMINAL_STATES, type PipelineJob } from '../../../domain/pipeline-job';

/**
 * A patch for the conversation's `videoRecordings` attribute: one entry per recording, keyed by
 * its id, deep-merged so other recordings and other keys survive.
 */
export function recordingEntryPatch(job: PipelineJob, fields: Attributes): Attributes {
  return {
    videoRecordings: {
      [job.recordingId]: {
        recordingId: job.recordingId,
        roomName: job.roomName,
        escalationId: job.escalationId,
        // The conversation's thread of calls and clips: which is which, and who sent a clip.
        kind: job.kind ?? 'call',
        ...(job.clip ? { clipId: job.clip.clipId, authorRole: job.clip.authorRole } : {}),
        ...fields,
      },
    },
  };
}

/**
 * Where each unfinished recording of a conversation stands, so the agent sees the long work
 * progress (both back ends expose attribute changes live). A finished recording leaves: its
 * message says the rest, and the conversation's attributes stay bounded however many recordings
 * it holds (Conversations: 16 KiB). No reasons here: the conversation is shared with the
 * customer; reasons stay in the job.
 */
export const progressPatch = (job: PipelineJob): Attributes =>
  TERMINAL_STATES.includes(job.state)
    ? recordingLeavesPatch(job.recordingId)
    : recordingEntryPatch(job, { ...progressOf(job), updatedAt: job.updatedAt });

/** Removes a recording's entry (a finished one; erased or deleted media): `null` deletes the key. */
export const recordingLeavesPatch = (recordingId: string): Attributes => ({ videoRecordings: { [recordingId]: null } });

/** What the agent sees: the state, and while processing how far each half has got. */
export function progressOf(job: PipelineJob): Attributes {
  if (job.state !== 'processing') return { state: job.state };
  const speakers = job.speakers ?? [];
  return {
    state: job.state,
    videoReady: job.video?.status === 'ready',
    speakersTranscribed: speakers.filter((s) => s.transcriptStatus === 'ready').length,
    speakers: speakers.length,
  };
}
