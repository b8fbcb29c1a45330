/** How people (and so recognizers) read digits out: one by one, with "double", or in pairs. */
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export const digitWord = (d: string, zero = 'zero') => (d === '0' ? zero : UNITS[Number(d)]);

export const singly = (digits: string, zero = 'oh') => [...digits].map((d) => digitWord(d, zero)).join(' ');

/** "4411" → "double four one one"; three alike → "triple". */
export function withDoubles(digits: string, zero = 'oh'): string {
  const out: string[] = [];
  for (let i = 0; i < digits.length; ) {
    let n = 1;
    while (n < 3 && digits[i + n] === digits[i]) n++;
    out.push(n === 1 ? digitWord(digits[i], zero) : `${n === 2 ? 'double' : 'triple'} ${digitWord(digits[i], zero)}`);
    i += n;
  }
  return out.join(' ');
}

/** "41" → "forty one", "11" → "eleven", "05" → "oh five", "40" → "forty". */
export function pairWords(pair: string): string {
  const [a, b] = [Number(pair[0]), Number(pair[1])];
  if (a === 0) return `oh ${digitWord(pair[1], 'oh')}`;
  if (a === 1) return TEENS[b];
  return b === 0 ? TENS[a] : `${TENS[a]} ${UNITS[b]}`;
}

/** Groups of four read as two pairs: "4111" → "forty one eleven". */
export const inPairs = (digits: string) => (digits.match(/\d{1,2}/g) ?? []).map((p) => (p.length === 2 ? pairWords(p) : digitWord(p, 'oh'))).join(' ');
