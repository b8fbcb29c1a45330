import type { PiiKind } from '../../src/domain/privacy';

/** One labelled utterance of the redaction set: each PII span is an exact substring of `text`. */
export interface LabelledUtterance {
  id: string;
  text: string;
  pii: { kind: PiiKind; text: string }[];
  /** What the utterance is there to test (the set's own breakdown). */
  tag: string;
}
