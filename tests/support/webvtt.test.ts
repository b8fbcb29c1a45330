import { parseWebVtt } from './webvtt';

describe('parseWebVtt (test helper)', () => {
  it('accepts a valid file and reads its cues', () => {
    const cues = parseWebVtt('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\n<v Agent>Hello there\n\n00:02.600 --> 00:03.000\n<v Customer>Hi\n');
    expect(cues).toEqual([
      { start: 1, end: 2.5, text: '<v Agent>Hello there' },
      { start: 2.6, end: 3, text: '<v Customer>Hi' },
    ]);
  });

  it.each([
    ['no signature', '00:00:01.000 --> 00:00:02.000\nx'],
    ['reversed times', 'WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nx'],
    ['bad timestamp', 'WEBVTT\n\n00:00:1.000 --> 00:00:02.000\nx'],
    ['empty cue', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n'],
    ['out of order', 'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\na\n\n00:00:01.000 --> 00:00:02.000\nb'],
  ])('rejects %s', (_name, vtt) => {
    expect(() => parseWebVtt(vtt)).toThrow();
  });
});
