/**
 * The small phrase language the suggestion rules are written in, so the lists stay readable and
 * configurable (suggestion-config.ts):
 * - words separated by spaces, matched as whole words on the normalised text (lower case, no
 *   apostrophes: "can't" is `cant`, "I'm" is `i am`, "u" is `you`);
 * - `a|b` either word; `a_b` a run of words inside an alternative (`hop_on|jump_on`);
 * - a trailing `?` makes a word optional; `*` skips up to three words; a leading `^` anchors the
 *   phrase to the start of a clause; `!a|b` says the next word is neither ("a video !call": not
 *   "a video call").
 * A message is read clause by clause (split at punctuation and at "but", "though"...), so a
 * phrase never spans "I don't need a refund, can you show me".
 */

export type Clause = readonly string[];

export interface CompiledPhrase {
  phrase: string;
  regex: RegExp;
}

export interface PhraseHit {
  phrase: string;
  /** The matched words, as normalised. */
  text: string;
  clause: number;
  /** Index of the first matched word in its clause. */
  start: number;
  /** Index after the last matched word. */
  end: number;
}

const CLAUSE_WORDS = new Set(['but', 'though', 'although', 'however', 'except', 'anyway']);
/** Chat shorthand, and two-word negations folded into one word so phrases need one spelling. */
const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please', vid: 'video', vids: 'videos', im: 'i am', ive: 'i have',
  cannot: 'cant', theres: 'there is', whats: 'what is', wanna: 'want to', gonna: 'going to', thx: 'thanks', ty: 'thanks',
};
const NEGATION_PAIRS: Record<string, string> = { do: 'dont', does: 'doesnt', did: 'didnt', can: 'cant', will: 'wont', is: 'isnt', would: 'wouldnt', could: 'couldnt', was: 'wasnt' };
/** Everyday words one letter away from a phrase word: never "corrected". */
const NOT_TYPOS = new Set(['there', 'these', 'those', 'think', 'thing', 'things', 'whole', 'while', 'white', 'write', 'wrote', 'other', 'three', 'shows', 'calls', 'hours', 'house', 'place', 'clock', 'seems', 'sent', 'video', 'videos', 'rather', 'lost']);
const MIN_TYPO_LENGTH = 5;

/** Clauses of normalised words, with typos near the phrase words (`vocabulary`) corrected. */
export function readMessage(text: string, vocabulary: ReadonlySet<string>): Clause[] {
  const cleaned = text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/'/g, '').replace(/[-/_]/g, ' ');
  const clauses: Clause[] = [];
  for (const part of cleaned.split(/[.!?;:,()[\]"…\n]+/)) {
    let words: string[] = [];
    for (const raw of part.match(/[a-z0-9]+/g) ?? []) {
      if (CLAUSE_WORDS.has(raw)) {
        if (words.length) clauses.push(words);
        words = [];
        continue;
      }
      if (raw === 'not' && words.length && NEGATION_PAIRS[words[words.length - 1]]) {
        words[words.length - 1] = NEGATION_PAIRS[words[words.length - 1]];
        continue;
      }
      words.push(...(SHORTHAND[raw] ?? corrected(raw, vocabulary)).split(' '));
    }
    if (words.length) clauses.push(words);
  }
  return clauses;
}

function corrected(word: string, vocabulary: ReadonlySet<string>): string {
  if (word.length < MIN_TYPO_LENGTH || vocabulary.has(word) || NOT_TYPOS.has(word) || /\d/.test(word)) return word;
  let match: string | null = null;
  for (const known of vocabulary) {
    if (known.length < MIN_TYPO_LENGTH || Math.abs(known.length - word.length) > 1 || !oneEditApart(word, known)) continue;
    if (match && match !== known) return word; // two candidates: not sure enough to correct
    match = known;
  }
  return match ?? word;
}

/** One insertion, deletion, substitution or swap of neighbours apart. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compilePhrase(phrase: string): CompiledPhrase {
  let anchored = false;
  const parts: string[] = [];
  for (const token of phrase.trim().split(/\s+/)) {
    if (token === '^') anchored = true;
    else if (token === '*') parts.push('(?:[a-z0-9]+ ){0,3}');
    else if (token.startsWith('!')) parts.push(`(?!(?:${token.slice(1).split('|').map(escape).join('|')}) )`);
    else {
      const optional = token.endsWith('?');
      // Phrase words are read like message words: `whats` is "what is", as in the message.
      const alternatives = token.replace(/\?$/, '').split('|').map((a) => escape(a.split('_').map((w) => SHORTHAND[w] ?? w).join(' ')));
      const group = `(?:${alternatives.join('|')}) `;
      parts.push(optional ? `(?:${group})?` : group);
    }
  }
  return { phrase, regex: new RegExp(`${anchored ? '^' : ''} ${parts.join('')}`) };
}

/** The words a list of phrases is written in: what typos are corrected towards. */
export function phraseWords(phrases: readonly string[]): string[] {
  return phrases.flatMap((p) => p.split(/[\s|_]+/).map((w) => w.replace(/[?^*!]/g, ''))).filter((w) => /^[a-z]+$/.test(w));
}

/** Every clause's first match of each phrase. */
export function findPhrases(clauses: readonly Clause[], phrases: readonly CompiledPhrase[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  clauses.forEach((words, clause) => {
    const line = ` ${words.join(' ')} `;
    for (const { phrase, regex } of phrases) {
      const m = regex.exec(line);
      if (!m) continue;
      const start = line.slice(0, m.index + 1).trim() === '' ? 0 : line.slice(0, m.index + 1).trim().split(' ').length;
      const text = m[0].trim();
      hits.push({ phrase, text, clause, start, end: start + (text ? text.split(' ').length : 0) });
    }
  });
  return hits;
}
