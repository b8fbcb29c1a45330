import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PiiKind } from '../../src/domain/privacy';
import { HAND_WRITTEN } from './redaction-hand-cases';
import type { LabelledUtterance } from './labelled-utterance';
import { inPairs, singly, withDoubles } from './redaction-spoken';
import { mulberry32 } from './seeded-random';

const SEED = 20261124;
const rand = mulberry32(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
function card(): string {
  const [prefix, length] = pick([['4', 16], ['51', 16], ['55', 16], ['6011', 16], ['37', 15], ['4', 13], ['62', 19]] as const);
  const body = prefix + digits(length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}
const invalidCard = () => {
  const c = card().slice(0, 15) + '0';
  const valid = c.slice(0, 15) + luhnCheckDigit(c.slice(0, 15));
  return valid === c ? `${c.slice(0, 15)}1` : c;
};
const groups = (s: string, size = 4) => s.match(new RegExp(`.{1,${size}}`, 'g')) as string[];

function iban(): string {
  const [country, bban] = pick([
    ['GB', () => `${pick(['WEST', 'NWBK', 'BARC', 'MIDL'])}${digits(14)}`],
    ['DE', () => digits(18)],
    ['NL', () => `${pick(['ABNA', 'INGB', 'RABO'])}${digits(10)}`],
    ['FR', () => digits(23)],
    ['ES', () => digits(20)],
  ] as const);
  const b = bban();
  const numeric = [...`${b}${country}00`].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  let rest = 0;
  for (const d of numeric) rest = (rest * 10 + Number(d)) % 97;
  return `${country}${String(98 - rest).padStart(2, '0')}${b}`;
}

const FIRST = ['john', 'maria', 'li', 'sam', 'ana', 'omar', 'kate', 'raj', 'eva', 'tom', 'nina', 'leo'];
const LAST = ['smith', 'garcia', 'chen', 'lee', 'silva', 'khan', 'brown', 'patel', 'novak', 'jones'];
const DOMAINS = [['example', 'com'], ['mail', 'org'], ['acme', 'co', 'uk'], ['gmail', 'com'], ['outlook', 'de'], ['company', 'net']];
const nanp = () => `${int(2, 9)}${digits(2)}${int(2, 9)}${digits(6)}`;

const items: LabelledUtterance[] = [];
let n = 0;
/** Wraps `pii` (one span) in a sentence; `{}` marks where it goes. */
function add(tag: string, template: string, kind: PiiKind | null, span: string) {
  const text = template.replace('{}', span);
  items.push({ id: `g${String(++n).padStart(3, '0')}`, text, pii: kind ? [{ kind, text: span }] : [], tag });
}

const CARD_LEAD = ['my card number is {}', 'it is {} thanks', 'the card is {}', 'sure, {}', 'okay the number on the card is {} and the expiry is next year', '{}'];
for (let i = 0; i < 8; i++) add('card written', pick(CARD_LEAD), 'card_number', pick([(c: string) => groups(c).join(' '), (c: string) => groups(c).join('-'), (c: string) => c])(card()));
for (let i = 0; i < 8; i++) add('card spoken digits', pick(CARD_LEAD), 'card_number', singly(card(), pick(['oh', 'zero'])));
for (let i = 0; i < 8; i++) add('card spoken double', pick(CARD_LEAD), 'card_number', withDoubles(card()));
for (let i = 0; i < 10; i++) add('card spoken pairs', pick(CARD_LEAD), 'card_number', groups(card()).map(inPairs).join(pick([' ', ', '])));

const EMAIL_LEAD = ['my email is {}', 'you can write to {} anytime', 'send it to {} please', 'it is {}', 'email address {}'];
for (let i = 0; i < 8; i++) {
  const [f, l, d] = [pick(FIRST), pick(LAST), pick(DOMAINS)];
  add('email written', pick(EMAIL_LEAD), 'email', `${f}${pick(['.', '_', ''])}${l}${pick(['', String(int(1, 99))])}@${d.join('.')}`);
}
for (let i = 0; i < 10; i++) {
  const [f, l, d] = [pick(FIRST), pick(LAST), pick(DOMAINS)];
  const local = pick([f, `${f} dot ${l}`, `${f} underscore ${l}`, `${f} dash ${l}`, [...f].join(' ')]);
  add('email spoken', pick(EMAIL_LEAD), 'email', `${local} at ${d.join(' dot ')}`);
}

const PHONE_LEAD = ['call me on {}', 'my phone number is {}', 'you can reach me at {} after five', 'my cell is {}', 'the best number is {}', '{}'];
for (let i = 0; i < 8; i++) {
  const p = nanp();
  const written = pick([`(${p.slice(0, 3)}) ${p.slice(3, 6)}-${p.slice(6)}`, `${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6)}`, `${p.slice(0, 3)}.${p.slice(3, 6)}.${p.slice(6)}`, `+1 ${p.slice(0, 3)} ${p.slice(3, 6)} ${p.slice(6)}`, p]);
  add('phone written US', pick(PHONE_LEAD), 'phone', written);
}
for (let i = 0; i < 8; i++) {
  const p = nanp();
  add('phone spoken US', pick(PHONE_LEAD), 'phone', [p.slice(0, 3), p.slice(3, 6), p.slice(6)].map((g) => pick([singly, withDoubles])(g)).join(pick([' ', ', '])));
}
for (let i = 0; i < 8; i++) {
  const [cc, rest] = pick([['44', `7${digits(9)}`], ['49', `30${digits(8)}`], ['33', `6${digits(8)}`], ['34', `6${digits(8)}`], ['91', `9${digits(9)}`]]);
  const spoken = rand() < 0.5;
  add(spoken ? 'phone spoken intl' : 'phone written intl', pick(PHONE_LEAD.slice(0, 5)), 'phone', spoken ? `plus ${singly(cc)} ${singly(rest)}` : `+${cc} ${groups(rest, 3).join(' ')}`);
}
for (let i = 0; i < 6; i++) add('phone spoken local', pick(['call me on {}', 'my cell is {}', 'my phone is {}']), 'phone', `${singly(`${int(2, 9)}${digits(2)}`)} ${singly(digits(4))}`);

const ssn = () => `${int(1, 665)}`.padStart(3, '1') + String(int(1, 99)).padStart(2, '0') + String(int(1, 9999)).padStart(4, '0');
for (let i = 0; i < 8; i++) {
  const s = ssn();
  add('ssn written', pick(['my ssn is {}', 'social security number {}', 'it is {} for the form', '{}']), 'ssn', pick([`${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`, `${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`]));
}
for (let i = 0; i < 6; i++) add('ssn spoken', pick(['my social is {}', 'my social security number is {}', 'the ssn is {}']), 'ssn', singly(ssn()));

for (let i = 0; i < 8; i++) {
  const b = iban();
  add('iban written', pick(['my iban is {}', 'the account is {} at my bank', 'please refund to {}', '{}']), 'iban', pick([groups(b).join(' '), b]));
}
for (let i = 0; i < 6; i++) {
  const b = iban();
  add('iban spoken', pick(['my iban is {}', 'iban {}']), 'iban', [...b].map((c) => (/\d/.test(c) ? singly(c) : c.toLowerCase())).join(' '));
}

// Look-alikes: numbers people say on support calls that are no one's personal data.
for (let i = 0; i < 10; i++) add('negative order number', pick(['my order number is {}', 'order {} never arrived', 'the tracking number is {}', 'ticket {} is still open']), null, pick([digits(int(5, 9)), `ORD-${digits(6)}`, `A${digits(7)}`, singly(digits(6)), nanp()]));
for (let i = 0; i < 10; i++) {
  const [m, d, y] = [String(int(1, 12)).padStart(2, '0'), String(int(1, 28)).padStart(2, '0'), String(int(2019, 2026))];
  add('negative date', pick(['it was delivered on {}', 'the call is booked for {}', 'since {} it has not worked']), null, pick([`${m}/${d}/${y}`, `${y}-${m}-${d}`, `${pick(['march', 'june', 'october'])} ${pick(['first', 'third', 'twelfth', 'twenty first'])} ${inPairs(y)}`, `${d}.${m}.${y}`]));
}
for (let i = 0; i < 10; i++) add('negative price', pick(['it cost {}', 'I was charged {} twice', 'the refund was {}']), null, pick([`$${int(1, 9)},${digits(3)}.${digits(2)}`, `$${int(10, 999)}.${digits(2)}`, `${inPairs(String(int(10, 99)))} ninety nine`, `${pick(['four', 'nine', 'two'])} hundred and ${pick(['twenty', 'fifty', 'ninety'])} dollars`, `€${int(10, 999)}`]));
for (let i = 0; i < 8; i++) add('negative time', pick(['the technician comes at {}', 'we close at {}', 'call back after {}']), null, pick([`${int(1, 12)}:${String(int(0, 59)).padStart(2, '0')}`, `${pick(['three', 'ten', 'eleven'])} ${pick(['thirty', 'fifteen', 'forty five'])}`, `${int(1, 12)} pm`]));
for (let i = 0; i < 8; i++) add('negative quantity', pick(['we ordered {} units', 'about {} people use it', 'it weighs {} kilos']), null, pick([String(int(2, 999)), `${int(1, 99)},${digits(3)}`, `${pick(['three', 'twelve', 'forty'])} thousand`, `${inPairs(String(int(10, 99)))}`]));
for (let i = 0; i < 10; i++) add('negative reference code', pick(['the reference is {}', 'use promo code {}', 'the model is {}']), null, pick([`${pick(['AB', 'QX', 'ZT'])}${digits(4)}${pick(['CD', 'K', 'X9'])}`, `REF-${digits(4)}-${digits(4)}`, `XJ-${digits(3)}`]));
for (let i = 0; i < 10; i++) {
  const c = invalidCard();
  add('negative invalid luhn', pick(['is it {}', 'I think it is {} but that was declined', '{}']), null, pick([groups(c).join(' '), c, singly(c), groups(c).map(inPairs).join(' ')]));
}

/** The whole set: generated items, then the hand-written tricky cases. */
export const REDACTION_SET: LabelledUtterance[] = [...items, ...HAND_WRITTEN];

if (require.main === module) {
  const out = join(__dirname, '..', 'data', 'redaction-set.json');
  writeFileSync(out, `${JSON.stringify({ seed: SEED, utterances: REDACTION_SET }, null, 1)}\n`);
  console.log(`wrote ${REDACTION_SET.length} utterances to ${out}`);
}
