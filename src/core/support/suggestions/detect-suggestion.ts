import { SUGGESTION_REASONS, type SupportSide, type SuggestionReason } from '../../../domain/support-events';
import { compilePhrase, findPhrases, phraseWords, readMessage, type Clause, type CompiledPhrase, type PhraseHit } from './phrase-pattern';
import { DEFAULT_SUGGESTION_CONFIG, type SuggestionConfig } from './suggestion-config';

/** One message of the ticket as the store knows it; only the newest customer message carries its words. */
export interface SuggestionTurn {
  side: SupportSide;
  /** ISO-8601 UTC. */
  at: string;
  hasMedia: boolean;
  text?: string;
}

export interface SuggestionInput {
  turns: readonly SuggestionTurn[];
  resolved: boolean;
  videoOffered: boolean;
  /** Overrides of DEFAULT_SUGGESTION_CONFIG. */
  config?: Partial<SuggestionConfig>;
}

export interface VideoSuggestionFinding {
  reasons: SuggestionReason[];
  /** One sentence per reason, in the same order, naming its evidence (for the agent's eyes; never stored). */
  explanation: string[];
}

/**
 * Whether to offer the agent video now, and why. Runs when the customer writes; reads the history
 * as counts and media flags and the newest customer message's words. Silent once video was offered
 * or the ticket resolved, and when the customer turns video down or says it is sorted.
 */
export function detectSuggestion(input: SuggestionInput): VideoSuggestionFinding | null {
  if (input.resolved || input.videoOffered) return null;
  const newest = input.turns.at(-1);
  if (!newest || newest.side !== 'customer') return null;
  const rules = compiled(input.config);
  const clauses = newest.text ? readMessage(newest.text, rules.vocabulary) : [];
  if (clauses.length && (unnegated(clauses, rules.declinesVideo, rules).length || unnegated(clauses, rules.settled, rules).length)) return null;

  const found = new Map<SuggestionReason, string>();
  const hard = unnegated(clauses, rules.hardToExplain, rules);
  if (hard.length) found.set('hard_to_explain', `The customer said "${quote(clauses, hard[0])}".`);
  const asked = askedForVideo(clauses, rules);
  if (asked) found.set('asked_for_video', `The customer asked: "${asked}".`);
  const exchanges = exchangesOf(input.turns);
  if (exchanges >= rules.config.minExchanges) found.set('many_exchanges', `${exchanges} exchanges with the agent and the problem is still open.`);
  const afterImage = messagesAfterImage(input.turns);
  if (afterImage !== null && afterImage >= rules.config.messagesAfterImage) {
    found.set('image_not_enough', `The customer sent an image and ${afterImage} messages followed it without a fix.`);
  }
  const reasons = SUGGESTION_REASONS.filter((r) => found.has(r));
  return reasons.length ? { reasons, explanation: reasons.map((r) => found.get(r) as string) } : null;
}

/** Customer → agent hand-overs: a run of customer messages answered by the agent is one exchange. */
export function exchangesOf(turns: readonly SuggestionTurn[]): number {
  let n = 0;
  for (let i = 1; i < turns.length; i++) if (turns[i - 1].side === 'customer' && turns[i].side === 'agent') n++;
  return n;
}

/** Messages after the customer's first image or file, or null when they sent none. */
export function messagesAfterImage(turns: readonly SuggestionTurn[]): number | null {
  const first = turns.findIndex((t) => t.side === 'customer' && t.hasMedia);
  return first < 0 ? null : turns.length - 1 - first;
}

function askedForVideo(clauses: readonly Clause[], rules: CompiledRules): string | null {
  const direct = unnegated(clauses, rules.askForVideo, rules);
  if (direct.length) return quote(clauses, direct[0]);
  for (const medium of unnegated(clauses, rules.liveMedia, rules)) {
    const words = clauses[medium.clause];
    if (medium.start > 0 && rules.productDeterminers.has(words[medium.start - 1])) continue;
    const cue = findPhrases([words], rules.requestCues)[0];
    if (!cue) continue;
    const [from, to] = [Math.min(cue.start, medium.start), Math.max(cue.end, medium.end)];
    return words.slice(from, to).join(' ');
  }
  return null;
}

/** Hits not undone by a negator in the two words before them ("not hard to explain"). */
function unnegated(clauses: readonly Clause[], phrases: readonly CompiledPhrase[], rules: CompiledRules): PhraseHit[] {
  return findPhrases(clauses, phrases).filter((hit) => !clauses[hit.clause].slice(Math.max(0, hit.start - 2), hit.start).some((w) => rules.negators.has(w)));
}

const quote = (clauses: readonly Clause[], hit: PhraseHit) => clauses[hit.clause].slice(hit.start, hit.end).join(' ');

interface CompiledRules {
  config: SuggestionConfig;
  vocabulary: ReadonlySet<string>;
  hardToExplain: CompiledPhrase[];
  askForVideo: CompiledPhrase[];
  liveMedia: CompiledPhrase[];
  requestCues: CompiledPhrase[];
  declinesVideo: CompiledPhrase[];
  settled: CompiledPhrase[];
  productDeterminers: ReadonlySet<string>;
  negators: ReadonlySet<string>;
}

const cache = new WeakMap<object, CompiledRules>();
const DEFAULT_KEY = {};

/** The rules compiled once per configuration (the defaults once per process). */
function compiled(overrides: Partial<SuggestionConfig> | undefined): CompiledRules {
  const key = overrides ?? DEFAULT_KEY;
  const hit = cache.get(key);
  if (hit) return hit;
  const config = { ...DEFAULT_SUGGESTION_CONFIG, ...overrides };
  const lists = [config.hardToExplain, config.askForVideo, config.liveMedia, config.requestCues, config.declinesVideo, config.settled];
  const rules: CompiledRules = {
    config,
    vocabulary: new Set(lists.flatMap(phraseWords)),
    hardToExplain: config.hardToExplain.map(compilePhrase),
    askForVideo: config.askForVideo.map(compilePhrase),
    liveMedia: config.liveMedia.map(compilePhrase),
    requestCues: config.requestCues.map(compilePhrase),
    declinesVideo: config.declinesVideo.map(compilePhrase),
    settled: config.settled.map(compilePhrase),
    productDeterminers: new Set(config.productDeterminers),
    negators: new Set(config.negators),
  };
  cache.set(key, rules);
  return rules;
}
