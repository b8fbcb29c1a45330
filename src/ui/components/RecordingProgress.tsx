import React from 'react';

/** One entry of a conversation's `videoRecordings` attribute, as the recording pipeline writes it. */
export interface RecordingProgressEntry {
  recordingId: string;
  state: string;
  /** While processing: whether the video is composed, and how many speakers are transcribed. */
  videoReady?: boolean;
  speakersTranscribed?: number;
  speakers?: number;
}

const STEPS: Record<string, string> = {
  recorded: 'Preparing the recording',
  composing: 'Preparing the recording',
  processing: 'Composing the video and transcribing what was said',
  attaching: 'Adding the recording to the chat',
};
const ORDER = ['composing', 'processing', 'attaching'];

/** "video ready, 1 of 2 speakers transcribed": the two halves run side by side. */
function detail(r: RecordingProgressEntry): string {
  if (r.state !== 'processing' || typeof r.speakers !== 'number') return '';
  const video = r.videoReady ? 'video ready' : 'video composing';
  return ` (${video}, ${r.speakersTranscribed ?? 0} of ${r.speakers} speakers transcribed)`;
}

export interface RecordingProgressProps {
  /** The conversation's `videoRecordings` attribute (keyed by recording id), if any. */
  recordings: unknown;
}

/** Where the call recordings being processed stand, announced politely to screen readers. */
export function RecordingProgress({ recordings }: RecordingProgressProps) {
  const pending = Object.values(isRecord(recordings) ? recordings : {})
    .filter((r): r is RecordingProgressEntry => isRecord(r) && typeof r.state === 'string' && r.state in STEPS);
  if (pending.length === 0) return null;
  return (
    <div className="vx-progress" role="status" data-testid="recording-progress">
      {pending.map((r) => {
        const step = Math.max(1, ORDER.indexOf(r.state) + 1);
        return (
          <p key={r.recordingId} className="vx-progress__line">
            Call recording: {STEPS[r.state]}{detail(r)}… <span className="vx-progress__step">(step {step} of {ORDER.length})</span>
            <progress max={ORDER.length} value={step} aria-label="Recording processing progress" />
          </p>
        );
      })}
    </div>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
