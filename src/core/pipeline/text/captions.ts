import type { RecordingTranscript, SpeakerSegment } from '../../../domain/pipeline-job';
import type { TranscribedWord } from '../../../domain/pipeline-job';
import { vttTimestamp } from './format';

export interface CaptionOptions {
  /** A cue holds at most this many words. */
  maxWords: number;
  /** A silence at least this long between two words starts a new cue. */
  pauseSeconds: number;
}

export const DEFAULT_CAPTION_OPTIONS: CaptionOptions = { maxWords: 8, pauseSeconds: 0.5 };

export interface Cue {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

const ENDS_CLAUSE = /[.?!,;:…]["')\]]?$/;

/** When an engine gives no word times, spread the segment's words evenly over it. */
function wordsOf(seg: SpeakerSegment): TranscribedWord[] {
  if (seg.words.length > 0) return seg.words;
  const tokens = seg.text.split(/\s+/).filter(Boolean);
  const step = (seg.end - seg.start) / Math.max(1, tokens.length);
  return tokens.map((word, i) => ({ word, start: seg.start + i * step, end: seg.start + (i + 1) * step }));
}

/** Splits each utterance into cues at pauses, after punctuation, or at `maxWords` words. */
export function buildCues(transcript: RecordingTranscript, options: CaptionOptions = DEFAULT_CAPTION_OPTIONS): Cue[] {
  const cues: Cue[] = [];
  for (const seg of transcript.segments) {
    let current: TranscribedWord[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const start = current[0].start;
      const end = Math.max(current[current.length - 1].end, start + 0.01);
      cues.push({ start, end, speaker: seg.speaker, text: current.map((w) => w.word).join(' ') });
      current = [];
    };
    for (const w of wordsOf(seg)) {
      const prev = current[current.length - 1];
      if (prev && (w.start - prev.end >= options.pauseSeconds || ENDS_CLAUSE.test(prev.word))) flush();
      current.push(w);
      if (current.length >= options.maxWords) flush();
    }
    flush();
  }
  return cues.sort((a, b) => a.start - b.start);
}

const escapeVtt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** WebVTT with voice spans (`<v Agent>`), one cue per caption line. */
export function buildWebVtt(transcript: RecordingTranscript, options: CaptionOptions = DEFAULT_CAPTION_OPTIONS): string {
  const blocks = buildCues(transcript, options).map(
    (c, i) => `${i + 1}\n${vttTimestamp(c.start)} --> ${vttTimestamp(c.end)}\n<v ${escapeVtt(c.speaker)}>${escapeVtt(c.text)}`,
  );
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}
