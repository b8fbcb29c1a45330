/**
 * The text that describes a clip for screen readers (#22): the sender's own description, or
 * else a few key sentences drawn from its (already redacted) transcript. Extractive and
 * deterministic: no summarizing service sees the words.
 */
import type { ClipRef } from '../../domain/clip';
import { CLIP_DESCRIPTION_MAX } from '../../domain/clip-annotations';
import type { PipelineJob, RecordingTranscript } from '../../domain/pipeline-job';
import { PII_MARKERS } from '../../domain/privacy';

export type ClipDescriptionSource = 'sender' | 'transcript';

export interface ClipDescription {
  text: string;
  source: ClipDescriptionSource;
}

/** Shorter sentences say too little to describe a clip ("yeah okay so"). */
const MIN_SENTENCE_WORDS = 4;
/** A recognizer without punctuation gives one long "sentence" per utterance: cut it. */
const MAX_SENTENCE_CHARS = 200;

// Words that say nothing about the clip's subject, fillers of speech included.
const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it ' +
    'its just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than ' +
    'that the their them then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yeah yes okay ok um uh oh like well right really gonna wanna got get let ' +
    'lets going thing things something see look one two go know think want need thanks thank hi hello bye please sure'
  ).split(' '),
);

const MARKERS = Object.values(PII_MARKERS);

const contentWords = (sentence: string): string[] =>
  (sentence.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((w) => w.replace(/^'+|'+$/g, '')).filter((w) => w.length > 2 && !STOP_WORDS.has(w));

/** Splits text at sentence ends; text without punctuation stays one sentence. */
const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Cuts at a word (or, in a text without spaces, between characters), marking the cut. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never half of a character written as a surrogate pair (an emoji).
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A sentence as it reads in a description: capitalized and ended, as recognizers often leave neither. */
const asWritten = (sentence: string): string => {
  const s = cutAtWord(sentence, MAX_SENTENCE_CHARS);
  const capital = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
};

/**
 * The `max` sentences that best carry what the transcript is about, in the order they were said.
 * Each sentence scores the mean transcript-wide frequency of its content words; earlier wins a
 * tie. Sentences holding a redaction marker, and very short ones, are never chosen.
 */
export function keySentences(transcript: Pick<RecordingTranscript, 'segments'>, max = 3): string[] {
  const sentences = transcript.segments.flatMap((s) => sentencesOf(s.text));
  const frequency = new Map<string, number>();
  for (const sentence of sentences) for (const w of contentWords(sentence)) frequency.set(w, (frequency.get(w) ?? 0) + 1);

  const candidates = sentences
    .map((text, index) => {
      const words = contentWords(text);
      const score = words.length ? words.reduce((sum, w) => sum + (frequency.get(w) ?? 0), 0) / words.length : 0;
      return { text, index, score, usable: words.length > 0 && text.split(' ').length >= MIN_SENTENCE_WORDS && !MARKERS.some((m) => text.includes(m)) };
    })
    .filter((c) => c.usable);

  const chosen = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, Math.max(0, max));
  const inOrder = chosen.sort((a, b) => a.index - b.index).map((c) => asWritten(c.text));
  // Whole sentences only, within what a sender's description may hold.
  const kept: string[] = [];
  for (const s of inOrder) if ([...kept, s].join(' ').length <= CLIP_DESCRIPTION_MAX) kept.push(s);
  return kept;
}

/**
 * What describes this clip in the thread: the sender's description, else key sentences of the
 * transcript when there is one (calls get none). `transcript` is left out by callers whose viewer
 * may not read the transcript (the customer policy `none`): the sentences are its words.
 */
export function clipDescriptionOf(
  job: Pick<PipelineJob, 'kind'> & { clip?: Pick<ClipRef, 'authorRole'> & { description?: string } },
  transcript: Pick<RecordingTranscript, 'segments'> | undefined,
): ClipDescription | undefined {
  if (job.kind !== 'clip' || !job.clip) return undefined;
  const own = job.clip.description?.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  if (own) return { text: cutAtWord(own, CLIP_DESCRIPTION_MAX), source: 'sender' };
  const sentences = transcript ? keySentences(transcript) : [];
  return sentences.length ? { text: sentences.join(' '), source: 'transcript' } : undefined;
}
