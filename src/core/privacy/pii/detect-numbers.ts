import type { PiiKind } from '../../../domain/privacy';
import { luhnValid } from './checksums';
import { saysNotPersonal, saysPhone, saysSsn } from './context';
import { digitRuns, type DigitRun } from './digit-runs';
import type { Finding } from './finding';
import type { Token } from './tokens';

const sameGroups = (run: DigitRun, shape: number[]) => run.groups.length === shape.length && run.groups.every((g, i) => g === shape[i]);

/** Never issued: area 000, 666 or 9xx, group 00, serial 0000 (the SSA's rules). */
const plausibleSsn = (d: string) => d.length === 9 && !/^(000|666|9)/.test(d) && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
/** North American numbering: area and exchange codes start 2–9. */
const nanp = (d: string) => /^1?[2-9]\d\d[2-9]\d{6}$/.test(d) && (d.length === 10 || d.length === 11);
/** A national number with its trunk zero (UK, DE, FR …): 0 then 9–10 digits. */
const trunkZero = (d: string) => /^0[1-9]\d{8,9}$/.test(d);

function phone(run: DigitRun, tokens: readonly Token[]): boolean {
  const d = run.digits;
  if ((run.plus || d.startsWith('00')) && d.length >= 8 && d.length <= 15) return true;
  if (saysNotPersonal(tokens, run.first)) return false;
  if (nanp(d) || trunkZero(d)) return true;
  if (saysPhone(tokens, run.first) && d.length >= 7 && d.length <= 15) return true;
  // "555-0134" as written: a local number's own shape.
  return run.written && run.dashed && sameGroups(run, [3, 4]) && /^[2-9]/.test(d);
}

function ssn(run: DigitRun, tokens: readonly Token[]): boolean {
  if (!plausibleSsn(run.digits)) return false;
  if (run.written && sameGroups(run, [3, 2, 4])) return true;
  return saysSsn(tokens, run.first) && !saysNotPersonal(tokens, run.first);
}

/** The longest Luhn-valid 13–19 digit stretch inside a longer run ("… one one, twelve twenty six"). */
function cardInside(run: DigitRun): { from: number; to: number } | null {
  let best: { from: number; to: number; length: number } | null = null;
  const starts = run.groups.map((_, i) => run.groups.slice(0, i).reduce((a, b) => a + b, 0));
  for (let a = 0; a < starts.length; a++) {
    for (let b = a; b < starts.length; b++) {
      const digits = run.digits.slice(starts[a], starts[b] + run.groups[b]);
      if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) continue;
      if (!best || digits.length > best.length) best = { from: a, to: b, length: digits.length };
    }
  }
  return best;
}

function classify(run: DigitRun, tokens: readonly Token[]): PiiKind | null {
  const n = run.digits.length;
  if (run.plus && phone(run, tokens)) return 'phone';
  if (n >= 13 && n <= 19 && luhnValid(run.digits)) return 'card_number';
  if (ssn(run, tokens)) return 'ssn';
  return phone(run, tokens) ? 'phone' : null;
}

/** Card numbers, phone numbers and SSNs among the digits in the tokens. */
export function findNumbers(tokens: readonly Token[]): Finding[] {
  const out: Finding[] = [];
  for (const run of digitRuns(tokens)) {
    const kind = classify(run, tokens);
    if (kind) {
      out.push({ kind, first: run.first, last: run.last });
      continue;
    }
    if (run.digits.length <= 19) continue;
    const inside = cardInside(run);
    if (inside) out.push({ kind: 'card_number', first: run.spans[inside.from].first, last: run.spans[inside.to].last });
  }
  return out;
}
