import type { SuggestionReason } from '../../../domain/support-events';

const WORDS: Record<SuggestionReason, string> = {
  hard_to_explain: 'The customer finds it hard to put into words.',
  many_exchanges: 'Several exchanges have gone back and forth without a fix.',
  image_not_enough: 'The customer sent an image and the conversation kept going.',
  asked_for_video: 'The customer asked to show it or to talk on video.',
};

/** What the agent reads beside a suggestion: one sentence per reason, from the codes alone. */
export const explainReasons = (reasons: readonly SuggestionReason[]): string[] => reasons.map((r) => WORDS[r]);
