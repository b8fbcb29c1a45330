import { SUGGESTION_REASONS, type SuggestionReason } from '../../src/domain/support-events';
import type { SuggestionTurn } from '../../src/core/support/suggestions/detect-suggestion';

/**
 * What a labelled customer message says on its own, judged by a person:
 * - `hard`: words are failing them (can't describe it, lost in the steps, "where do I even click");
 * - `ask`: they ask to show it or to talk live (a clip, a call, a screen share);
 * - `hard+ask`: both;
 * - `declines`: they turn video or a call down: no suggestion, whatever the history;
 * - `settled`: they say it is solved or now clear: no suggestion, whatever the history;
 * - `none`: nothing either way (product words like "my video upload fails" included).
 */
export type TextLabel = 'hard' | 'ask' | 'hard+ask' | 'declines' | 'settled' | 'none';

/** The ticket before the message, summarised: the store keeps counts and media flags, no text. */
export interface CaseContext {
  /** Customer → agent exchanges completed before this message. */
  exchanges: number;
  /** The customer sent an image earlier; this many messages followed it, this one included. */
  imageThenMessages?: number;
  resolved?: boolean;
  videoOffered?: boolean;
}

export interface LabelledSuggestionCase {
  id: string;
  text: string;
  context: CaseContext;
  says: TextLabel;
  expected: { fire: boolean; reasons: SuggestionReason[] };
  /** `hand`: written by hand (tuned against); `generated`: the seeded held-out templates. */
  part: 'hand' | 'generated';
  tag: string;
}

/** The definitions at the default thresholds: 3 exchanges; an image with 2 messages after it. */
const LABEL_EXCHANGES = 3;
const LABEL_MESSAGES_AFTER_IMAGE = 2;

/** The expected outcome: the person's reading of the text, plus the history rules as the issue defines them. */
export function expectedOutcome(says: TextLabel, context: CaseContext): LabelledSuggestionCase['expected'] {
  if (context.resolved || context.videoOffered || says === 'declines' || says === 'settled') return { fire: false, reasons: [] };
  const reasons = new Set<SuggestionReason>();
  if (says === 'hard' || says === 'hard+ask') reasons.add('hard_to_explain');
  if (says === 'ask' || says === 'hard+ask') reasons.add('asked_for_video');
  if (context.exchanges >= LABEL_EXCHANGES) reasons.add('many_exchanges');
  if ((context.imageThenMessages ?? 0) >= LABEL_MESSAGES_AFTER_IMAGE) reasons.add('image_not_enough');
  const ordered = SUGGESTION_REASONS.filter((r) => reasons.has(r));
  return { fire: ordered.length > 0, reasons: ordered };
}

/**
 * The ticket as the detector sees it: `exchanges` customer/agent pairs, then the message. The
 * image is a customer message placed so that exactly `imageThenMessages` messages follow it; an odd
 * count puts it just before another customer message, so it adds no exchange.
 */
export function turnsOf(c: Pick<LabelledSuggestionCase, 'text' | 'context'>): SuggestionTurn[] {
  const { exchanges, imageThenMessages } = c.context;
  const sides: ('customer' | 'agent')[] = [];
  for (let i = 0; i < exchanges; i++) sides.push('customer', 'agent');
  sides.push('customer');
  const media = new Array<boolean>(sides.length).fill(false);
  if (imageThenMessages !== undefined && imageThenMessages > 0) {
    const k = imageThenMessages;
    const needed = k % 2 === 0 ? k : k - 1;
    if (needed > sides.length - 1) throw new Error(`${c.text}: ${k} messages after the image need more than ${exchanges} exchanges`);
    if (k % 2 === 0) media[sides.length - 1 - k] = true;
    else {
      const at = sides.length - 1 - needed;
      sides.splice(at, 0, 'customer');
      media.splice(at, 0, true);
    }
  }
  const start = Date.UTC(2026, 10, 24, 9, 0, 0);
  return sides.map((side, i) => ({
    side,
    at: new Date(start + i * 60_000).toISOString(),
    hasMedia: media[i],
    ...(i === sides.length - 1 ? { text: c.text } : {}),
  }));
}
