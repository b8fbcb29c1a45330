import type { Token } from './tokens';

/** Single digits as recognizers write them; "oh" and "o" are how people read a zero. */
export const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', nil: '0',
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const TEENS: Record<string, string> = {
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
};
const TENS: Record<string, string> = { twenty: '2', thirty: '3', forty: '4', fourty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9' };
const REPEATS: Record<string, number> = { double: 2, triple: 3 };
/** Mis-hearings of digits, trusted only between two other digits ("four for one one"). */
const HOMOPHONES: Record<string, string> = { for: '4', to: '2', too: '2', won: '1', ate: '8' };

/** Digits read out over one or more tokens: `first..last` inclusive. */
export interface SpokenNumber {
  digits: string;
  last: number;
}

/** The digits one spoken word stands for ("seven", "eleven", "seventy"), as in "tom seventy two". */
export const wordDigits = (w: string): string | undefined => DIGIT_WORDS[w] ?? TEENS[w] ?? TENS[w];

const digitOf = (w: string | undefined) => (w === undefined ? undefined : DIGIT_WORDS[w]);
const nonZeroDigit = (w: string | undefined) => {
  const d = digitOf(w);
  return d && d !== '0' ? d : undefined;
};

/** "forty", "forty one", "forty-one", "eleven": one or two digits read as a pair. */
function pair(words: readonly string[], i: number): SpokenNumber | null {
  const w = words[i];
  if (TEENS[w]) return { digits: TEENS[w], last: i };
  const tens = TENS[w];
  if (!tens) return null;
  const unit = nonZeroDigit(words[i + 1]);
  return unit ? { digits: tens + unit, last: i + 1 } : { digits: `${tens}0`, last: i };
}

/**
 * Reads the number spoken at `i`: a digit, a pair ("forty one", "eleven"), "double four",
 * "triple oh", "four hundred (and) twelve". Null when the word at `i` starts no number.
 */
export function spokenNumberAt(words: readonly string[], i: number): SpokenNumber | null {
  const w = words[i];
  const hyphenated = w.includes('-') ? w.split('-') : null;
  if (hyphenated && hyphenated.length === 2) {
    const p = pair(hyphenated, 0);
    return p && p.last === 1 ? { digits: p.digits, last: i } : null;
  }
  const times = REPEATS[w];
  if (times) {
    const d = digitOf(words[i + 1]);
    return d ? { digits: d.repeat(times), last: i + 1 } : null;
  }
  const d = digitOf(w);
  if (d && d !== '0' && words[i + 1] === 'hundred') {
    // "eight hundred five five five" is 800 then digits; "four hundred and five" is 405.
    const and = words[i + 2] === 'and';
    const j = and ? i + 3 : i + 2;
    const rest = pair(words, j) ?? (and && digitOf(words[j]) ? { digits: `0${digitOf(words[j])}`, last: j } : null);
    return rest ? { digits: d + rest.digits.padStart(2, '0'), last: rest.last } : { digits: `${d}00`, last: i + 1 };
  }
  if (d) return { digits: d, last: i };
  return pair(words, i);
}

/** A homophone counts as a digit only with digits read on both sides of it. */
export function homophoneDigit(tokens: readonly Token[], i: number, words: readonly string[]): string | undefined {
  const d = HOMOPHONES[tokens[i].word];
  if (!d || i === 0) return undefined;
  return digitOf(words[i - 1]) && digitOf(words[i + 1]) ? d : undefined;
}
