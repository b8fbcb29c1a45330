import { PII_KINDS, PII_MARKERS, type PiiKind } from '../../../domain/privacy';

/** One word as a recognizer wrote it, with the punctuation around it split off for matching. */
export interface Token {
  raw: string;
  /** Offset of `raw` in its source text (0 for word timings). */
  at: number;
  lead: string;
  /** `raw` without lead and trail, as written (case kept). */
  core: string;
  trail: string;
  /** `core` lowercased: what the detectors compare. */
  word: string;
  /** An earlier redaction's marker: already PII, never part of a new finding. */
  marker?: PiiKind;
}

const LEAD = /^[("'“‘[{#<]+/;
const TRAIL = /[.,;:!?)"'”’\]}>]+$/;
const escape = (s: string) => s.replace(/[[\]\\^$.*+?(){}|]/g, '\\$&');
const MARKER_BY_TEXT = new Map(PII_KINDS.map((k) => [PII_MARKERS[k], k] as const));
/** A marker counts as one token even though it has a space in it ("[card number]"). */
const TEXT_TOKEN = new RegExp(`(?:${PII_KINDS.map((k) => escape(PII_MARKERS[k])).join('|')})[.,;:!?]*|\\S+`, 'g');
const MARKER_PREFIX = new RegExp(`^(${PII_KINDS.map((k) => escape(PII_MARKERS[k])).join('|')})`);

export function toToken(raw: string, at = 0): Token {
  const marked = MARKER_PREFIX.exec(raw);
  if (marked) {
    const trail = raw.slice(marked[1].length);
    return { raw, at, lead: '', core: marked[1], trail, word: marked[1], marker: MARKER_BY_TEXT.get(marked[1]) };
  }
  const lead = LEAD.exec(raw)?.[0] ?? '';
  const rest = raw.slice(lead.length);
  const trail = TRAIL.exec(rest)?.[0] ?? '';
  const core = rest.slice(0, rest.length - trail.length);
  return { raw, at, lead, core, trail, word: core.toLowerCase() };
}

/** Splits a segment's text into tokens at whitespace, keeping each token's offset. */
export function tokenizeText(text: string): Token[] {
  return [...text.matchAll(TEXT_TOKEN)].map((m) => toToken(m[0], m.index ?? 0));
}
