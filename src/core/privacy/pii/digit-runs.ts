import { homophoneDigit, spokenNumberAt } from './spoken-numbers';
import type { Token } from './tokens';

/** Digits read or written without a break, over tokens `first..last` (inclusive). */
export interface DigitRun {
  first: number;
  last: number;
  digits: string;
  /** Each piece's digit count: a written 3-2-4 or 3-3-4 shape says SSN or phone. */
  groups: number[];
  /** The tokens each group was read from (one written token may hold several groups). */
  spans: { first: number; last: number }[];
  /** Every piece was written in figures (shape is only trusted there). */
  written: boolean;
  /** Led by "+" or "plus": an international phone number. */
  plus: boolean;
  /** The first token ends in figures with dashes inside it ("555-0134"). */
  dashed: boolean;
}

interface Piece {
  first: number;
  last: number;
  groups: string[];
  written: boolean;
  plus: boolean;
}

/** "4111", "+44", "(415)", "555-0134", "415.555.0134"; not "3.50", "1,299", "12/25", "10:45", "$5". */
const WRITTEN = /^(\+)?\(?(\d+)\)?((?:-\d+)*)$/;
/** Dotted phone numbers ("415.555.0134"), not dotted dates ("23.02.2026"). */
const DOTTED = /^\d{2,4}(?:\.\d{3,4}){2,}$/;
/** Said between the digits of one number without ending it. */
const SEPARATORS = new Set(['dash', 'hyphen', '-', '–', '/']);

function writtenPiece(t: Token, i: number): Piece | null {
  if (DOTTED.test(t.core)) return { first: i, last: i, groups: t.core.split('.'), written: true, plus: false };
  const m = WRITTEN.exec(t.core);
  if (!m) return null;
  const groups = [m[2], ...m[3].split('-').filter(Boolean)];
  return { first: i, last: i, groups, written: true, plus: Boolean(m[1]) };
}

function pieceAt(tokens: readonly Token[], words: readonly string[], i: number): Piece | null {
  const t = tokens[i];
  if (t.marker) return null;
  const written = writtenPiece(t, i);
  if (written) return written;
  if (t.word === 'plus' && i + 1 < tokens.length) {
    const next = pieceAt(tokens, words, i + 1);
    return next ? { ...next, first: i, plus: true } : null;
  }
  const spoken = spokenNumberAt(words, i);
  if (spoken) return { first: i, last: spoken.last, groups: [spoken.digits], written: false, plus: false };
  const homophone = homophoneDigit(tokens, i, words);
  return homophone ? { first: i, last: i, groups: [homophone], written: false, plus: false } : null;
}

/** Every maximal run of digits in the tokens, written or spoken, in order. */
export function digitRuns(tokens: readonly Token[]): DigitRun[] {
  const words = tokens.map((t) => (t.marker ? '' : t.word));
  const runs: DigitRun[] = [];
  let pieces: Piece[] = [];
  const flush = () => {
    if (pieces.length === 0) return;
    const groups = pieces.flatMap((p) => p.groups);
    runs.push({
      first: pieces[0].first,
      last: pieces[pieces.length - 1].last,
      digits: groups.join(''),
      groups: groups.map((g) => g.length),
      spans: pieces.flatMap((p) => p.groups.map(() => ({ first: p.first, last: p.last }))),
      written: pieces.every((p) => p.written),
      plus: pieces[0].plus,
      dashed: pieces[0].written && pieces[0].groups.length > 1,
    });
    pieces = [];
  };
  let i = 0;
  while (i < tokens.length) {
    const piece = pieceAt(tokens, words, i);
    if (piece) {
      // A "+" in the middle of digits starts a new number.
      if (piece.plus) flush();
      pieces.push(piece);
      i = piece.last + 1;
      continue;
    }
    const bridges = pieces.length > 0 && SEPARATORS.has(tokens[i].word) && i + 1 < tokens.length && pieceAt(tokens, words, i + 1);
    if (!bridges) flush();
    i++;
  }
  flush();
  return runs;
}
