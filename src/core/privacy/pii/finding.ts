import type { PiiKind } from '../../../domain/privacy';

/** PII found over tokens `first..last` (inclusive) of one token stream. */
export interface Finding {
  kind: PiiKind;
  first: number;
  last: number;
  /** Text before the PII inside the first token that is not PII ("email:" of "email:jo@x.io"). */
  keepBefore?: string;
  /** Likewise after it inside the last token. */
  keepAfter?: string;
}
