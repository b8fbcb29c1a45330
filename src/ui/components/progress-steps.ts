/** One entry of a conversation's `videoRecordings` attribute, as the recording pipeline writes it. */
export interface RecordingProgressEntry {
  recordingId: string;
  state: string;
  /** Absent on entries written before clips existed: a call. */
  kind?: string;
  /** Clips: who recorded it. */
  authorRole?: string;
  /** While processing: whether the video is composed, and how many speakers are transcribed. */
  videoReady?: boolean;
  speakersTranscribed?: number;
  speakers?: number;
}

/** What one pending recording shows: what it is, what it is doing, and where in its own steps. */
export interface ProgressLine {
  what: string;
  doing: string;
  step: number;
  steps: number;
}

/** The states still being worked on; terminal ones show nothing. */
export const PENDING_STATES = ['recorded', 'composing', 'processing', 'attaching'];

/**
 * A call: the room's tracks are prepared, then video and per-speaker transcripts run side by side,
 * then the one message is completed. "video ready, 1 of 2 speakers transcribed" says how far.
 */
function callLine(r: RecordingProgressEntry): ProgressLine {
  const at = { recorded: 1, composing: 1, processing: 2, attaching: 3 }[r.state] ?? 1;
  const doing = ['Preparing the recording', 'Composing the video and transcribing what was said', 'Adding the recording to the chat'][at - 1];
  const detail =
    r.state === 'processing' && typeof r.speakers === 'number'
      ? ` (${r.videoReady ? 'video ready' : 'video composing'}, ${r.speakersTranscribed ?? 0} of ${r.speakers} speakers transcribed)`
      : '';
  return { what: 'Call recording', doing: doing + detail, step: at, steps: 3 };
}

/**
 * A clip has one author and is in the chat since Send, so it has two steps of its own: its video
 * is composed, then what was said is transcribed and added to it. Its audio tracks are not
 * "speakers" (a screen and a camera run are two tracks of the same person), so none are counted.
 */
function clipLine(r: RecordingProgressEntry): ProgressLine {
  const who = r.authorRole === 'customer' ? ' from the customer' : r.authorRole === 'agent' ? ' from the agent' : '';
  const what = `Video clip${who}`;
  if (r.state === 'attaching') return { what, doing: 'adding the transcript', step: 2, steps: 2 };
  if (r.state === 'processing' && r.videoReady) return { what, doing: 'transcribing', step: 2, steps: 2 };
  return { what, doing: 'composing the video', step: 1, steps: 2 };
}

export const progressLine = (r: RecordingProgressEntry): ProgressLine => (r.kind === 'clip' ? clipLine(r) : callLine(r));
