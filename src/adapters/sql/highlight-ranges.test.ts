import { fts5Expression, rangesFromMarked, withoutMarkers } from './highlight-ranges';

describe('highlight ranges from engine markers', () => {
  it('maps each marked run to a range of the original text', () => {
    expect(rangesFromMarked('my \u0002refund\u0003 for the \u0002refunds\u0003', 'my refund for the refunds')).toEqual([
      [3, 9],
      [18, 25],
    ]);
  });
  it('counts characters as the page does (UTF-16), and gives no ranges when the text was rewritten', () => {
    expect(rangesFromMarked('é \u0002café\u0003', 'é café')).toEqual([[2, 6]]);
    expect(rangesFromMarked('a  \u0002b\u0003', 'a b')).toEqual([]);
  });
  it('strips markers (and NUL) from stored text', () => {
    expect(withoutMarkers('a\u0002b\u0003c\u0000')).toBe('abc');
  });
});

describe('FTS5 expressions from user words', () => {
  it('quotes every word, doubling quotes, so no syntax reaches the engine', () => {
    expect(fts5Expression('refund NEAR(a b) "x" OR -- ;')).toBe('"refund" "NEAR(a" "b)" """x""" "OR"');
    expect(fts5Expression('col:value ^start * a*')).toBe('"col:value" "^start" "a*"');
  });
  it('drops words with no letter or digit, and repeats; null when none is left', () => {
    expect(fts5Expression(' " * ( ) : ^ -- \' ; ')).toBeNull();
    expect(fts5Expression('card card')).toBe('"card"');
  });
});
