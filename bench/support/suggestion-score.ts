import type { SuggestionReason } from '../../src/domain/support-events';
import type { LabelledSuggestionCase } from './suggestion-case';

/** A detector under test: the reasons it gives for one labelled message (none: no suggestion). */
export type Detector = (c: LabelledSuggestionCase) => SuggestionReason[];

export interface SuggestionScore {
  messages: number;
  /** Per message: fired when it should / fired / should have fired. */
  precision: number;
  recall: number;
  /** Per reason code, over every message: each expected reason found / each reason given that was expected. */
  reasonPrecision: number;
  reasonRecall: number;
  missed: LabelledSuggestionCase[];
  spurious: { c: LabelledSuggestionCase; reasons: SuggestionReason[] }[];
  wrongReasons: { c: LabelledSuggestionCase; reasons: SuggestionReason[] }[];
}

const ratio = (a: number, b: number) => (b ? a / b : 1);

export function scoreSuggestions(set: readonly LabelledSuggestionCase[], detect: Detector): SuggestionScore {
  let [tp, fired, shouldFire, reasonHits, reasonsGiven, reasonsExpected] = [0, 0, 0, 0, 0, 0];
  const out: Pick<SuggestionScore, 'missed' | 'spurious' | 'wrongReasons'> = { missed: [], spurious: [], wrongReasons: [] };
  for (const c of set) {
    const reasons = detect(c);
    const fires = reasons.length > 0;
    if (fires) fired++;
    if (c.expected.fire) shouldFire++;
    if (fires && c.expected.fire) tp++;
    if (!fires && c.expected.fire) out.missed.push(c);
    if (fires && !c.expected.fire) out.spurious.push({ c, reasons });
    const hits = reasons.filter((r) => c.expected.reasons.includes(r)).length;
    reasonHits += hits;
    reasonsGiven += reasons.length;
    reasonsExpected += c.expected.reasons.length;
    if (fires && c.expected.fire && (hits !== reasons.length || hits !== c.expected.reasons.length)) out.wrongReasons.push({ c, reasons });
  }
  return {
    messages: set.length,
    precision: ratio(tp, fired),
    recall: ratio(tp, shouldFire),
    reasonPrecision: ratio(reasonHits, reasonsGiven),
    reasonRecall: ratio(reasonHits, reasonsExpected),
    ...out,
  };
}

const KEYWORDS = /\b(video|call|show|explain|screen)/i;

/**
 * The naive baseline: any of "video", "call", "show", "explain", "screen" (as a word start) fires,
 * plus the same exchange-count rule and the same silence once video was offered or the ticket resolved.
 */
export const keywordBaseline: Detector = (c) => {
  if (c.context.resolved || c.context.videoOffered) return [];
  const reasons: SuggestionReason[] = [];
  const word = c.text.match(KEYWORDS)?.[1]?.toLowerCase();
  if (word === 'explain') reasons.push('hard_to_explain');
  else if (word) reasons.push('asked_for_video');
  if (c.context.exchanges >= 3) reasons.push('many_exchanges');
  return reasons;
};
