import { normalizeWords, wordErrorRate } from './wer';

describe('wordErrorRate', () => {
  it('is 0 for the same words whatever the case and punctuation', () => {
    expect(wordErrorRate('Hello, world!', 'hello world')).toBe(0);
  });
  it('counts substitutions, deletions and insertions over the reference length', () => {
    expect(wordErrorRate('a b c d', 'a x c d')).toBe(0.25); // 1 substitution
    expect(wordErrorRate('a b c d', 'a c d')).toBe(0.25); // 1 deletion
    expect(wordErrorRate('a b c d', 'a b c d e f')).toBe(0.5); // 2 insertions
    expect(wordErrorRate('he was not ill disposed', 'he was not an illness closed')).toBeCloseTo(3 / 5);
  });
  it('handles empty texts', () => {
    expect(wordErrorRate('', '')).toBe(0);
    expect(wordErrorRate('', 'noise')).toBe(1);
    expect(wordErrorRate('a b', '')).toBe(1);
  });
  it('keeps apostrophes inside words', () => {
    expect(normalizeWords("Don't STOP-now")).toEqual(["don't", 'stop', 'now']);
  });
});
