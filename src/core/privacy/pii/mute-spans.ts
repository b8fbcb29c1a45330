import type { TranscribedSegment } from '../../../domain/pipeline-job';
import { PII_KINDS, PII_MARKERS } from '../../../domain/privacy';

/** A stretch of the recording's audio to silence, in seconds on the video's timeline. */
export interface MuteSpan {
  startSeconds: number;
  endSeconds: number;
}

/** Added on each side: recognisers clip word edges, and half a digit heard still tells. */
export const MUTE_PADDING_SECONDS = 0.15;

/** What the spans need of a segment: a redacted transcript's segments (any speaker) fit. */
type TimedText = Pick<TranscribedSegment, 'start' | 'end' | 'text' | 'words'>;

const MARKERS = PII_KINDS.map((k) => PII_MARKERS[k]);
/** How many typed markers a text holds (a marker word may carry punctuation or kept text: "[email],"). */
const markerCount = (text: string): number => MARKERS.reduce((n, m) => n + text.split(m).length - 1, 0);
const timed = (start: number, end: number): boolean => Number.isFinite(start) && Number.isFinite(end) && end >= start;
const ms = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Where one segment's redacted speech was said. The redaction turned the words of each finding
 * into one marker word timed from the first word's start to the last's end: those times are the
 * span. When the words cannot account for every marker in the text (an engine without word
 * timings, or words without usable times), the whole segment is the span: it mutes more than
 * needed, never less.
 */
function segmentSpans(s: TimedText): { start: number; end: number }[] {
  const inText = markerCount(s.text);
  const marked = s.words.filter((w) => markerCount(w.word) > 0);
  const inWords = marked.reduce((n, w) => n + markerCount(w.word), 0);
  if (inText === 0 && inWords === 0) return [];
  if (inWords >= inText && marked.every((w) => timed(w.start, w.end))) return marked.map((w) => ({ start: w.start, end: w.end }));
  // A number read across segments: its marker word (and the segment's end) reaches into the next.
  const end = Math.max(s.end, ...s.words.map((w) => w.end).filter(Number.isFinite));
  return [{ start: s.start, end }];
}

/**
 * The stretches of audio to mute so that no redacted personal data (card number, email, phone,
 * SSN, IBAN) can be heard: one per marker in the redacted transcript, padded by
 * MUTE_PADDING_SECONDS, clamped at 0, merged where they overlap or touch (speakers alike: the
 * video's audio is one mix), in time order. Not clamped at the end: the video's length is the
 * caller's to apply. Empty when nothing was redacted.
 */
export function piiMuteSpans(transcript: { segments: readonly TimedText[] }, padding = MUTE_PADDING_SECONDS): MuteSpan[] {
  const raw = transcript.segments
    .flatMap(segmentSpans)
    .map((r) => ({ start: Math.max(0, r.start - padding), end: r.end + padding }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged.map((r) => ({ startSeconds: ms(r.start), endSeconds: ms(r.end) }));
}
