import type { LabelledUtterance } from './labelled-utterance';

const c = (id: string, tag: string, text: string, pii: LabelledUtterance['pii'] = []): LabelledUtterance => ({ id: `h${id}`, text, pii, tag });

/** Tricky cases written by hand: mixed forms, several findings, and look-alikes next to PII. */
export const HAND_WRITTEN: LabelledUtterance[] = [
  c('01', 'card + expiry', 'four one one one one one one one one one one one one one one one twelve twenty six', [{ kind: 'card_number', text: 'four one one one one one one one one one one one one one one one' }]),
  c('02', 'card pairs double', 'it is forty one eleven, double one eleven, eleven eleven, eleven eleven', [{ kind: 'card_number', text: 'forty one eleven, double one eleven, eleven eleven, eleven eleven' }]),
  c('03', 'card + cvv words', 'card 5555 5555 5555 4444 and the code on the back is 123', [{ kind: 'card_number', text: '5555 5555 5555 4444' }]),
  c('04', 'amex written', 'amex 3782 822463 10005 exp 09/27', [{ kind: 'card_number', text: '3782 822463 10005' }]),
  c('05', 'card triple', 'four triple one, one one one one, one one one one, one one one one', [{ kind: 'card_number', text: 'four triple one, one one one one, one one one one, one one one one' }]),
  c('06', 'card homophone', 'four for one one one one one one one one one one one one one one', []),
  c('07', 'two kinds', 'email jo.king@example.com or call 212-555-0199', [
    { kind: 'email', text: 'jo.king@example.com' },
    { kind: 'phone', text: '212-555-0199' },
  ]),
  c('08', 'email mixed', 'it is maria at example.com', [{ kind: 'email', text: 'maria at example.com' }]),
  c('09', 'email mixed', 'try bob@example dot com', [{ kind: 'email', text: 'bob@example dot com' }]),
  c('10', 'email digits', 'my email is tom seventy two at gmail dot com', [{ kind: 'email', text: 'tom seventy two at gmail dot com' }]),
  c('11', 'email end of sentence', 'Sure. It is Kate.Brown@Acme.co.uk.', [{ kind: 'email', text: 'Kate.Brown@Acme.co.uk' }]),
  c('12', 'phone 1-800', 'call one eight hundred five five five oh one nine nine', [{ kind: 'phone', text: 'one eight hundred five five five oh one nine nine' }]),
  c('13', 'phone UK national', 'my number is 020 7946 0958', [{ kind: 'phone', text: '020 7946 0958' }]),
  c('14', 'phone 00 prefix', 'reach me on 0049 30 12345678', [{ kind: 'phone', text: '0049 30 12345678' }]),
  c('15', 'ssn + phone', 'ssn 219-09-9999 and phone (646) 555-0147', [
    { kind: 'ssn', text: '219-09-9999' },
    { kind: 'phone', text: '(646) 555-0147' },
  ]),
  c('16', 'iban lowercase spoken letters', 'iban g b eight two w e s t one two three four five six nine eight seven six five four three two', [
    { kind: 'iban', text: 'g b eight two w e s t one two three four five six nine eight seven six five four three two' },
  ]),
  c('17', 'iban bad check', 'my iban is GB82 WEST 1234 5698 7654 33', []),
  c('18', 'order with phone shape', 'order number 4155550134 shipped yesterday', []),
  c('19', 'invoice 9 digits', 'invoice 123456789 was paid', []),
  c('20', 'date 3-2-4 lookalike', 'it happened on 2024 03 15 at 10:45', []),
  c('21', 'prices together', 'it was $1,299.99 and then $49.50 and then 19.99', []),
  c('22', 'year and count', 'in twenty twenty four we shipped twelve thousand units', []),
  c('23', 'time range', 'open nine to five, monday to friday', []),
  c('24', 'site not email', 'look at example dot com for the manual', []),
  c('25', 'at as place', 'I will be at home at seven thirty', []),
  c('26', 'room and floor', 'room four one two on floor three', []),
  c('27', 'zip code', 'the zip code is nine four one oh five', []),
  c('28', 'tracking alnum', 'tracking 1Z999AA10123456784 says delivered', []),
  c('29', 'version', 'version 10.4.2 fixed it', []),
  c('30', 'already redacted', 'my card is [card number] and my email is [email].', []),
  c('31', 'phone dash spoken', 'my cell is five five five dash oh one three four', [{ kind: 'phone', text: 'five five five dash oh one three four' }]),
  c('32', 'card pairs with oh', 'forty five oh five, twenty one twenty one, oh five oh five, sixty two eighty', [
    { kind: 'card_number', text: 'forty five oh five, twenty one twenty one, oh five oh five, sixty two eighty' },
  ]),
];
