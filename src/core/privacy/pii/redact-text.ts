import type { PiiKind } from '../../../domain/privacy';
import { findPii } from './find-pii';
import { redactSegments } from './redact-segments';
import { tokenizeText } from './tokens';

/** A finding as characters of the text it came from (end exclusive). */
export interface TextFinding {
  kind: PiiKind;
  start: number;
  end: number;
}

/** Redacts one piece of text; also says where each finding was (for the labelled test set). */
export function redactText(text: string): { text: string; findings: TextFinding[] } {
  const tokens = tokenizeText(text);
  const findings = findPii(tokens).map((f) => {
    const a = tokens[f.first];
    const b = tokens[f.last];
    return {
      kind: f.kind,
      // The lead ("(" of "(415)") goes with the PII unless part of the token is kept.
      start: a.at + (f.keepBefore ? a.lead.length + f.keepBefore.length : 0),
      end: b.at + b.lead.length + b.core.length - (f.keepAfter?.length ?? 0),
    };
  });
  const [segment] = redactSegments([{ start: 0, end: 0, text, words: [] }]).segments;
  return { text: segment?.text ?? '', findings };
}
