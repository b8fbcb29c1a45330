import { PII_KINDS, PII_MARKERS, type PiiKind } from '../../../domain/privacy';
import type { TranscribedSegment, TranscribedWord } from '../../../domain/pipeline-job';
import type { Finding } from './finding';
import { findPii } from './find-pii';
import { tokenizeText, toToken, type Token } from './tokens';

export interface Redaction {
  segments: TranscribedSegment[];
  /** Kinds found, including markers an earlier redaction left (so redacting twice flags alike). */
  kinds: PiiKind[];
}

type Located = Token & { seg: number };

/** Sentence punctuation after the PII stays, so captions still break at it. */
const punctuation = (t: Token) => t.trail.replace(/[^.,;:!?]/g, '');
const replacement = (f: Finding, tokens: readonly Token[]) =>
  `${f.keepBefore ? tokens[f.first].lead + f.keepBefore : ''}${PII_MARKERS[f.kind]}${f.keepAfter ?? ''}${punctuation(tokens[f.last])}`;

/** Which finding covers each token, if any. */
function coverage(findings: readonly Finding[], count: number): (Finding | undefined)[] {
  const cover: (Finding | undefined)[] = new Array(count).fill(undefined);
  for (const f of findings) for (let i = f.first; i <= f.last; i++) cover[i] = f;
  return cover;
}

/**
 * The redacted texts, and how far each segment's PII reaches: a number read across segments ends
 * in a later one, whose time the marker's segment takes over (without word timings that is all
 * that says where the number was heard, which muting the audio needs).
 */
function redactTexts(segments: readonly TranscribedSegment[], kinds: Set<PiiKind>): { texts: string[]; reach: number[] } {
  const tokens: Located[] = segments.flatMap((s, seg) => tokenizeText(s.text).map((t) => ({ ...t, seg })));
  const findings = findPii(tokens);
  const cover = coverage(findings, tokens.length);
  const texts = segments.map((s) => s.text);
  const reach = segments.map((s) => s.end);
  for (const f of findings) {
    const at = tokens[f.first].seg;
    reach[at] = Math.max(reach[at], segments[tokens[f.last].seg].end);
  }
  // Right to left, so earlier offsets stay valid.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.marker) kinds.add(t.marker);
    const f = cover[i];
    if (!f) continue;
    kinds.add(f.kind);
    const text = texts[t.seg];
    const with_ = i === f.first ? replacement(f, tokens) : '';
    texts[t.seg] = text.slice(0, t.at) + with_ + text.slice(t.at + t.raw.length);
  }
  return { texts: texts.map((t, i) => (t === segments[i].text ? t : t.replace(/\s+/g, ' ').trim())), reach };
}

function redactWords(segments: readonly TranscribedSegment[], kinds: Set<PiiKind>): TranscribedWord[][] {
  const words = segments.flatMap((s, seg) => s.words.map((w) => ({ w, seg })));
  const tokens: Located[] = words.map(({ w, seg }) => ({ ...toToken(w.word), seg }));
  const findings = findPii(tokens);
  const cover = coverage(findings, tokens.length);
  const out: TranscribedWord[][] = segments.map(() => []);
  words.forEach(({ w, seg }, i) => {
    if (tokens[i].marker) kinds.add(tokens[i].marker as PiiKind);
    const f = cover[i];
    if (!f) return void out[seg].push(w);
    kinds.add(f.kind);
    // The words a finding covers become one marker word, first start to last end.
    if (i === f.first) out[seg].push({ word: replacement(f, tokens), start: w.start, end: words[f.last].w.end });
  });
  return out;
}

/**
 * Replaces card numbers, emails, phone numbers, SSNs and IBANs in one speaker's segments (in
 * order) by typed markers, in the text and in the word timings alike. A number read across two
 * segments is found whole: the marker sits where it starts, the rest of it is removed.
 */
export function redactSegments(segments: readonly TranscribedSegment[]): Redaction {
  const kinds = new Set<PiiKind>();
  const { texts, reach } = redactTexts(segments, kinds);
  const words = redactWords(segments, kinds);
  const redacted: TranscribedSegment[] = [];
  segments.forEach((s, i) => {
    const changed = texts[i] !== s.text || words[i].length !== s.words.length || words[i].some((w, k) => w !== s.words[k]);
    if (!changed) return void redacted.push(s);
    // A segment that only held the end of a number split across segments has nothing left.
    if (!texts[i] && words[i].length === 0) return;
    // Word timings say where a number ended more closely than the segment it ended in.
    const end = Math.max(s.words.length > 0 ? s.end : reach[i], ...words[i].map((w) => w.end));
    redacted.push({ ...s, text: texts[i], words: words[i], end });
  });
  return { segments: redacted, kinds: PII_KINDS.filter((k) => kinds.has(k)) };
}

/** The union of two kind lists, in PII_KINDS order. */
export const mergeKinds = (a: readonly PiiKind[] = [], b: readonly PiiKind[] = []): PiiKind[] =>
  PII_KINDS.filter((k) => a.includes(k) || b.includes(k));
