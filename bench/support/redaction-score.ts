import type { PiiKind } from '../../src/domain/privacy';
import type { TextFinding } from '../../src/core/privacy/pii/redact-text';
import type { LabelledUtterance } from './labelled-utterance';

export type Redactor = (text: string) => TextFinding[];

export interface Score {
  recall: number;
  precision: number;
  labelled: number;
  markers: number;
  /** Labelled items not wholly replaced by the right marker, and markers that cover none. */
  missed: { id: string; kind: PiiKind; text: string }[];
  spurious: { id: string; kind: PiiKind; text: string }[];
}

/**
 * Per labelled item: recall = items whose whole span lies inside one marker of the right kind,
 * over all items; precision = markers overlapping a labelled item of their kind, over all markers.
 */
export function score(set: readonly LabelledUtterance[], redact: Redactor): Score {
  const missed: Score['missed'] = [];
  const spurious: Score['spurious'] = [];
  let labelled = 0;
  let markers = 0;
  for (const u of set) {
    const findings = redact(u.text);
    const spans = u.pii.map((p) => {
      const start = u.text.indexOf(p.text);
      if (start < 0) throw new Error(`${u.id}: label "${p.text}" is not in its text`);
      return { kind: p.kind, start, end: start + p.text.length };
    });
    labelled += spans.length;
    markers += findings.length;
    for (const s of spans) {
      if (!findings.some((f) => f.kind === s.kind && f.start <= s.start && f.end >= s.end)) missed.push({ id: u.id, kind: s.kind, text: u.text });
    }
    for (const f of findings) {
      if (!spans.some((s) => s.kind === f.kind && f.start < s.end && s.start < f.end)) spurious.push({ id: u.id, kind: f.kind, text: u.text.slice(f.start, f.end) });
    }
  }
  return {
    recall: labelled ? (labelled - missed.length) / labelled : 1,
    precision: markers ? (markers - spurious.length) / markers : 1,
    labelled,
    markers,
    missed,
    spurious,
  };
}

/** The naive baseline: the usual regular expressions for written card numbers, emails, phones, SSNs. */
const BASELINE: [PiiKind, RegExp][] = [
  ['email', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  ['ssn', /\b\d{3}-\d{2}-\d{4}\b/g],
  ['card_number', /\b(?:\d[ -]?){12,18}\d\b/g],
  ['phone', /(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b/g],
];

export const baselineRedactor: Redactor = (text) => {
  const out: TextFinding[] = [];
  for (const [kind, re] of BASELINE) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!out.some((f) => start < f.end && f.start < end)) out.push({ kind, start, end });
    }
  }
  return out;
};
