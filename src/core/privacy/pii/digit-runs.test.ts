import { digitRuns } from './digit-runs';
import { tokenizeText } from './tokens';

const digitsOf = (text: string) => digitRuns(tokenizeText(text)).map((r) => r.digits);

describe('reading digits as recognizers write them', () => {
  it('reads single digits, "oh", "double", "triple", pairs and hundreds', () => {
    expect(digitsOf('four one one one')).toEqual(['4111']);
    expect(digitsOf('double four oh triple seven')).toEqual(['440777']);
    expect(digitsOf('forty one eleven twenty')).toEqual(['411120']);
    expect(digitsOf('forty-one')).toEqual(['41']);
    expect(digitsOf('eight hundred five five five')).toEqual(['800555']);
    expect(digitsOf('four hundred and twelve')).toEqual(['412']);
  });
  it('keeps written groups and their shape, and a leading plus', () => {
    const [run] = digitRuns(tokenizeText('(415) 555-0134'));
    expect(run.digits).toBe('4155550134');
    expect(run.groups).toEqual([3, 3, 4]);
    expect(digitRuns(tokenizeText('+44 20'))[0].plus).toBe(true);
    expect(digitRuns(tokenizeText('plus four four'))[0].plus).toBe(true);
  });
  it('ends a run at ordinary words and does not read prices, dates, times or quantities as digits', () => {
    expect(digitsOf('one two and three four')).toEqual(['12', '34']);
    expect(digitsOf('$1,299.99 on 12/25/2024 at 10:45 or 3.5 kg')).toEqual([]);
  });
  it('takes "for" and "to" as digits only between digits', () => {
    expect(digitsOf('one for one')).toEqual(['141']);
    expect(digitsOf('press one for sales')).toEqual(['1']);
  });
  it('bridges a spoken dash between digits', () => {
    expect(digitsOf('five five five dash oh one three four')).toEqual(['5550134']);
  });
});
