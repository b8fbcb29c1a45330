import { findEmails } from './detect-email';
import { findIbans } from './detect-iban';
import { findNumbers } from './detect-numbers';
import type { Finding } from './finding';
import type { Token } from './tokens';

/** When two findings overlap, the stricter check wins: checksums and @ before shapes and context. */
const PRIORITY: Finding['kind'][] = ['iban', 'email', 'card_number', 'ssn', 'phone'];

/** Every finding in one token stream, without overlaps, in order. */
export function findPii(tokens: readonly Token[]): Finding[] {
  const all = [...findIbans(tokens), ...findEmails(tokens), ...findNumbers(tokens)];
  all.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.last - b.first - (a.last - a.first));
  const kept: Finding[] = [];
  for (const f of all) {
    if (!kept.some((k) => f.first <= k.last && k.first <= f.last)) kept.push(f);
  }
  return kept.sort((a, b) => a.first - b.first);
}
