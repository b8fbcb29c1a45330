import { sentenceWords } from './voice-intelligence-transcriber';

describe('sentenceWords (Voice Intelligence word timings)', () => {
  it('reads word, start_time and end_time, numbers or numeric strings', () => {
    expect(
      sentenceWords([
        { word: 'four', start_time: 1.2, end_time: '1.5' },
        { word: 'one,', start_time: '1.6', end_time: 1.9 },
      ]),
    ).toEqual([
      { word: 'four', start: 1.2, end: 1.5 },
      { word: 'one,', start: 1.6, end: 1.9 },
    ]);
  });

  it('is empty without word timings (words null, as without WordTimestamps=true)', () => {
    expect(sentenceWords(null)).toEqual([]);
    expect(sentenceWords(undefined)).toEqual([]);
  });

  it('drops all of a sentence\'s words when one has no usable time, so nothing is timed by a guess', () => {
    expect(sentenceWords([{ word: 'four', start_time: 1, end_time: 1.3 }, { word: 'one' }])).toEqual([]);
    expect(sentenceWords([{ word: 'four', start_time: '', end_time: 1.3 }])).toEqual([]);
    expect(sentenceWords([{ word: 'four', start_time: 2, end_time: 1 }])).toEqual([]);
  });
});
