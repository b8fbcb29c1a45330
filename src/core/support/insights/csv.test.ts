import { csvField, csvLine } from './csv';

describe('CSV fields (RFC 4180, safe in spreadsheets)', () => {
  it('quotes a field holding a comma, a quote, CR or LF, doubling the quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Lee, Jordan')).toBe('"Lee, Jordan"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('')).toBe('');
  });

  it('writes null as an empty field, booleans as true/false, numbers as they are', () => {
    expect([null, undefined, true, false, 0, 4.5, 1200, Number.NaN].map(csvField)).toEqual(['', '', 'true', 'false', '0', '4.5', '1200', '']);
  });

  it('defuses text a spreadsheet would run as a formula, with a leading single quote', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    // Not at the start, or a number we wrote ourselves: left as it is.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-3)).toBe('-3');
  });

  it('ends every record with CRLF', () => {
    expect(csvLine(['a', 1, null, true])).toBe('a,1,,true\r\n');
  });
});
