import type { ParticipantRole } from '../../../domain/escalation';
import type { RecordingTranscript, SpeakerSegment } from '../../../domain/pipeline-job';
import type { TranscribedSegment } from '../../../domain/pipeline-job';
import { formatDuration, roundMs } from './format';
import { speakerLabels } from './speakers';

/** Who spoke on one audio composition, and where it starts on the call's timeline. */
export interface Speaker {
  participantIdentity: string;
  role: ParticipantRole | 'unknown';
  startOffsetSeconds: number;
}

/** What one speaker said, on their audio's own clock. */
export interface TrackTranscript {
  speaker: Speaker;
  segments: TranscribedSegment[];
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Merges per-track transcripts into one speaker-labelled transcript on the call's timeline
 * (each track shifted by its start offset), ordered by time.
 */
export function mergeTranscripts(engine: string, tracks: readonly TrackTranscript[]): RecordingTranscript {
  const ordered = [...tracks].sort((a, b) => a.speaker.startOffsetSeconds - b.speaker.startOffsetSeconds);
  const labels = speakerLabels(ordered.map((t) => t.speaker));
  const segments: SpeakerSegment[] = [];
  for (const { speaker: track, segments: segs } of ordered) {
    const off = track.startOffsetSeconds;
    for (const seg of segs) {
      const text = clean(seg.text);
      if (!text) continue;
      segments.push({
        speaker: labels.get(track.participantIdentity) ?? 'Participant',
        role: track.role,
        participantIdentity: track.participantIdentity,
        start: roundMs(seg.start + off),
        end: roundMs(seg.end + off),
        text,
        words: seg.words.map((w) => ({ word: w.word, start: roundMs(w.start + off), end: roundMs(w.end + off) })),
      });
    }
  }
  segments.sort((a, b) => a.start - b.start || a.speaker.localeCompare(b.speaker));
  return { engine, segments };
}

/** One line per utterance: "[0:03] Agent: how can I help". */
export function transcriptPlainText(transcript: RecordingTranscript): string {
  return transcript.segments.map((s) => `[${formatDuration(Math.floor(s.start))}] ${s.speaker}: ${s.text}`).join('\n');
}
