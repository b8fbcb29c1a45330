import type { Finding } from './finding';
import { wordDigits } from './spoken-numbers';
import type { Token } from './tokens';

/** Spoken punctuation of addresses. */
const SYMBOLS: Record<string, string> = { dot: '.', period: '.', underscore: '_', dash: '-', hyphen: '-' };
/** Words before "at" that are not the start of an address ("email me at …", "it is at …"). */
const NOT_LOCAL = new Set([
  'me', 'us', 'him', 'her', 'them', 'you', 'i', 'it', 'is', 'was', 'are', 'be', 'its', "it's", 'email', 'e-mail', 'mail', 'address',
  'my', 'your', 'our', 'the', 'a', 'an', 'to', 'at', 'and', 'or', 'but', 'that', 'this', 'there', 'here', 'look', 'looked', 'visit',
  'online', 'site', 'website', 'web', 'page', 'go', 'write', 'reach', 'contact', 'find', 'us', 'and', 'so', 'just', 'also', 'then',
]);
/** Top-level domains an address may end in; a spoken "… dot something" must end in one. */
const TLDS = new Set([
  'com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'us', 'uk', 'de', 'fr', 'es', 'it', 'nl', 'be', 'ch', 'at', 'se',
  'no', 'dk', 'fi', 'ie', 'pl', 'pt', 'ca', 'au', 'nz', 'jp', 'in', 'br', 'mx', 'info', 'biz', 'me', 'ai', 'app', 'dev', 'tv',
  'eu', 'ru', 'cn', 'za', 'sg', 'hk', 'email', 'online', 'xyz', 'tech', 'cloud', 'mail',
]);
const WRITTEN_EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
const LABEL = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*$/;
const LOCAL_WORD = /^[a-z0-9][a-z0-9._+-]*$/;

const symbolOf = (t: Token) => SYMBOLS[t.word] ?? (['.', '_', '-'].includes(t.word) ? t.word : undefined);
/** A letter or digit spelled out on its own ("j o h n", "seven"). */
const spelled = (t: Token) => (/^[a-z0-9]$/.test(t.word) ? t.word : wordDigits(t.word));

/** The local part before the "at" at `at`: words joined by spoken dots, or spelled letters. */
function localPart(tokens: readonly Token[], at: number): { first: number; text: string } | null {
  let text = '';
  let first = at;
  let needSymbol = false;
  for (let j = at - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.marker) break;
    const sym = symbolOf(t);
    if (sym && text) {
      text = sym + text;
      first = j;
      needSymbol = false;
      continue;
    }
    if (needSymbol) break;
    const s = spelled(t);
    // "a" and "i" are words too: as letters only when spelling ("m a r i a at …").
    const spelling = t.word.length > 1 || !NOT_LOCAL.has(t.word) || text || /^[a-z]$/.test(tokens[j - 1]?.word ?? '');
    if (s && spelling) {
      text = s + text;
      first = j;
      continue;
    }
    if (!LOCAL_WORD.test(t.word) || NOT_LOCAL.has(t.word)) break;
    text = t.word + text;
    first = j;
    needSymbol = true;
  }
  while (/^[._-]/.test(text)) {
    text = text.slice(1);
    first++;
  }
  return text ? { first, text } : null;
}

/** The domain after the "at": labels joined by spoken or written dots, ending in a known TLD. */
function domainPart(tokens: readonly Token[], at: number, start = ''): { last: number; text: string } | null {
  let text = start;
  let best: { last: number; text: string } | null = null;
  const endsWell = (s: string) => /\.[a-z]+$/.test(s) && TLDS.has(s.slice(s.lastIndexOf('.') + 1));
  if (start && endsWell(start)) best = { last: at, text };
  let wantLabel = !start;
  for (let j = at + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.marker) break;
    const sym = symbolOf(t);
    if (sym && !wantLabel) {
      text += sym;
      wantLabel = true;
      continue;
    }
    const s = spelled(t);
    const label = s ?? (LABEL.test(t.word) ? t.word : undefined);
    if (!label || (!wantLabel && !s)) break;
    text += label;
    wantLabel = false;
    if (endsWell(text)) best = { last: j, text };
    // A sentence ends after the domain: stop at its full stop.
    if (/[.!?]/.test(t.trail)) break;
  }
  return best;
}

/** Email addresses, written ("jo@x.io") or spoken ("jo at x dot io", "j o at …", mixed forms). */
export function findEmails(tokens: readonly Token[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.marker) continue;
    const written = WRITTEN_EMAIL.exec(t.core);
    if (written) {
      // "jo@x" followed by "dot io" is still one address.
      const more = domainPart(tokens, i, written[0].toLowerCase());
      const last = more && more.last > i ? more.last : i;
      const idx = written.index;
      out.push({ kind: 'email', first: i, last, keepBefore: t.core.slice(0, idx), keepAfter: last === i ? t.core.slice(idx + written[0].length) : undefined });
      i = last;
      continue;
    }
    const halves = t.word.split('@');
    if (t.word !== 'at' && halves.length !== 2) continue;
    const local = halves.length === 2 && halves[0] ? { first: i, text: halves[0] } : localPart(tokens, i);
    const domain = domainPart(tokens, i, halves.length === 2 ? halves[1] : '');
    if (!local || !domain) continue;
    out.push({ kind: 'email', first: local.first, last: domain.last });
    i = domain.last;
  }
  return out;
}
