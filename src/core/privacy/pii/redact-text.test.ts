import { redactText } from './redact-text';

const redacted = (text: string) => redactText(text).text;

describe('redacting one utterance', () => {
  it('replaces card numbers read as digits, pairs, "double" and written groups', () => {
    expect(redacted('my card is four one one one one one one one one one one one one one one one')).toBe('my card is [card number]');
    expect(redacted('forty one eleven double one eleven, eleven eleven eleven eleven, thanks')).toBe('[card number], thanks');
    expect(redacted('card 4111 1111 1111 1111 expires 12/26')).toBe('card [card number] expires 12/26');
    expect(redacted('amex 3782-822463-10005.')).toBe('amex [card number].');
    // An expiry read straight after the number: the Luhn-valid part is the card.
    expect(redacted('four one one one one one one one one one one one one one one one twelve twenty six')).toBe('[card number] twelve twenty six');
  });
  it('leaves 16 digits that fail Luhn', () => {
    expect(redacted('card number 4111-1111-1111-1112')).toBe('card number 4111-1111-1111-1112');
    expect(redacted('four one one one one one one one one one one one one one one two')).toBe('four one one one one one one one one one one one one one one two');
  });
  it('replaces emails, written, spoken and mixed', () => {
    expect(redacted('email me at john dot smith at example dot com please')).toBe('email me at [email] please');
    expect(redacted('it is jane_doe@example.co.uk.')).toBe('it is [email].');
    expect(redacted('j o h n at gmail dot com')).toBe('[email]');
    expect(redacted('sam underscore lee at mail dot example dot org')).toBe('[email]');
    expect(redacted('try bob@example dot com')).toBe('try [email]');
    expect(redacted('look at example dot com')).toBe('look at example dot com');
  });
  it('replaces phone numbers in US and international shapes', () => {
    expect(redacted('call me on four one five, five five five, oh one three four')).toBe('call me on [phone number]');
    expect(redacted('my number is (415) 555-0134.')).toBe('my number is [phone number].');
    expect(redacted('reach me at +44 20 7946 0958')).toBe('reach me at [phone number]');
    expect(redacted('plus four four two oh seven nine four six oh nine five eight')).toBe('[phone number]');
    expect(redacted('my cell is five five five oh one three four')).toBe('my cell is [phone number]');
  });
  it('replaces SSNs and IBANs', () => {
    expect(redacted('ssn 123-45-6789')).toBe('ssn [ssn]');
    expect(redacted('my social is one two three four five six seven eight nine')).toBe('my social is [ssn]');
    expect(redacted('iban GB82 WEST 1234 5698 7654 32 thanks')).toBe('iban [iban] thanks');
    expect(redacted('d e eight nine three seven oh four oh oh four four oh five three two oh one three oh oh oh')).toBe('[iban]');
  });
  it('keeps order numbers, dates, prices, times and quantities', () => {
    const text = 'order number 4155550134 shipped on 03/15/2024 for $1,299.99 at 10:45, three boxes, nineteen ninety nine each';
    expect(redacted(text)).toBe(text);
  });
  it('says where each finding is in the text', () => {
    const text = 'mail jo@x.io or call 415-555-0134';
    expect(redactText(text).findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['email', 'jo@x.io'],
      ['phone', '415-555-0134'],
    ]);
  });
});
