import { ibanChecksumValid } from './checksums';
import type { Finding } from './finding';
import { IBAN_LENGTHS } from './iban-lengths';
import { spokenNumberAt } from './spoken-numbers';
import type { Token } from './tokens';

/**
 * What each token adds to an IBAN read out or written: figures and letters as written ("GB82",
 * "WEST"), a spelled letter ("g"), or spoken digits (which may take the next token too).
 */
function charsAt(tokens: readonly Token[], words: readonly string[], i: number): { chars: string; last: number } | null {
  const t = tokens[i];
  if (t.marker) return null;
  // A whole word is only part of an IBAN in capitals or with figures ("WEST", "GB82"); "g" is spelled.
  const alnum = /^[a-z0-9]+$/i.test(t.core);
  if (alnum && (t.core.length === 1 || /\d/.test(t.core) || t.core === t.core.toUpperCase())) return { chars: t.core.toUpperCase(), last: i };
  const spoken = spokenNumberAt(words, i);
  return spoken ? { chars: spoken.digits, last: spoken.last } : null;
}

/** IBAN-like ids: country code, two check digits and the account part, checked mod 97. */
export function findIbans(tokens: readonly Token[]): Finding[] {
  const words = tokens.map((t) => (t.marker ? '' : t.word));
  const out: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let text = '';
    let found: Finding | null = null;
    for (let j = i; j < tokens.length && text.length < 34; ) {
      const c = charsAt(tokens, words, j);
      if (!c) break;
      text += c.chars;
      j = c.last + 1;
      if (!/^[A-Z]{0,2}$|^[A-Z]{2}\d/.test(text.slice(0, 4))) break;
      const length = IBAN_LENGTHS[text.slice(0, 2)];
      if (length && text.length === length && ibanChecksumValid(text)) found = { kind: 'iban', first: i, last: c.last };
      if (length && text.length >= length) break;
    }
    if (found) {
      out.push(found);
      i = found.last;
    }
  }
  return out;
}
