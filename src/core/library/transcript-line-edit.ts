import type { ParticipantRole } from '../../domain/escalation';
import type { RecordingTranscript, SpeakerSegment, TranscribedWord } from '../../domain/pipeline-job';
import { roundMs } from '../pipeline/text/format';

/** Labels a line may always be given, even when the recogniser heard only one side. */
const STANDARD_SPEAKERS: ReadonlyArray<{ speaker: string; role: ParticipantRole }> = [
  { speaker: 'Agent', role: 'agent' },
  { speaker: 'Customer', role: 'customer' },
];

/** The speakers a line may be given: everyone in the transcript, then "Agent" and "Customer". */
export function speakerChoices(transcript: RecordingTranscript): string[] {
  const seen = new Set(transcript.segments.map((s) => s.speaker));
  for (const s of STANDARD_SPEAKERS) seen.add(s.speaker);
  return [...seen];
}

/** Who a label stands for: the participant that already speaks under it, else the standard role. */
function speakerOf(transcript: RecordingTranscript, speaker: string): Pick<SpeakerSegment, 'speaker' | 'role' | 'participantIdentity'> | null {
  const known = transcript.segments.find((s) => s.speaker === speaker);
  if (known) return { speaker, role: known.role, participantIdentity: known.participantIdentity };
  const standard = STANDARD_SPEAKERS.find((s) => s.speaker === speaker);
  return standard ? { speaker, role: standard.role, participantIdentity: '' } : null;
}

/**
 * The corrected words keep the recogniser's timings when there are as many of them (a word fixed
 * in place); otherwise they are spread evenly over the line, as captions do for engines without
 * word times.
 */
export function retimeWords(segment: Pick<SpeakerSegment, 'start' | 'end' | 'words'>, text: string): TranscribedWord[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length === segment.words.length) return tokens.map((word, i) => ({ ...segment.words[i], word }));
  const step = (segment.end - segment.start) / Math.max(1, tokens.length);
  return tokens.map((word, i) => ({ word, start: roundMs(segment.start + i * step), end: roundMs(segment.start + (i + 1) * step) }));
}

export type LineEdit = { speaker: string; text: string };

/**
 * The transcript with line `index` reading `edit` (text already redacted and tidied); null when
 * the speaker is none of `speakerChoices`. Times and order stay: a correction fixes what was said
 * and by whom, not when.
 */
export function withLineEdited(transcript: RecordingTranscript, index: number, edit: LineEdit): RecordingTranscript | null {
  const segment = transcript.segments[index];
  const who = speakerOf(transcript, edit.speaker);
  if (!segment || !who) return null;
  const words = edit.text === segment.text ? segment.words : retimeWords(segment, edit.text);
  const segments = transcript.segments.map((s, i) => (i === index ? { ...s, ...who, text: edit.text, words } : s));
  return { ...transcript, segments };
}

/** Whitespace as one space, trimmed: how the pipeline stores every line. */
export const tidyLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
