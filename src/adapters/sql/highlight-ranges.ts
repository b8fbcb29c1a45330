/**
 * The engines mark matched words with marker strings (FTS5 `highlight()`, PostgreSQL
 * `ts_headline`); we ask for two control characters nobody says, kept out of stored lines.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * Removes the markers from stored text, so an engine's markers are the only ones, and NUL, which
 * PostgreSQL text cannot hold.
 */
export const withoutMarkers = (text: string): string => text.replace(/[\u0000\u0002\u0003]/g, '');

/**
 * `[from, to)` ranges of `original` that the engine marked in `marked`. If the marked text is not
 * exactly `original` with markers (an engine that rewrote whitespace), no ranges: the line still
 * shows, only unhighlighted.
 */
export function rangesFromMarked(marked: string, original: string): [number, number][] {
  const ranges: [number, number][] = [];
  let plain = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === MATCH_START) open = plain.length;
    else if (ch === MATCH_END) {
      if (open >= 0 && plain.length > open) ranges.push([open, plain.length]);
      open = -1;
    } else plain += ch;
  }
  return plain === original ? ranges : [];
}

/**
 * The user's words as an FTS5 expression: every whitespace-separated word becomes a quoted string
 * (inner `"` doubled), so nothing in it is FTS5 syntax (`* ( ) : ^ NEAR OR AND -`); the strings
 * are ANDed, like PostgreSQL's `plainto_tsquery`. Words with no letter or digit are dropped (the
 * tokenizer would make nothing of them); null when no word is left.
 */
export function fts5Expression(text: string): string | null {
  const words = [...new Set(text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)))];
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ') : null;
}
