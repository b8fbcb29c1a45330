import type { TranscribedSegment } from '../../../domain/pipeline-job';
import { redactSegments } from './redact-segments';

/** A segment whose words are timed one per 0.5 s from `start`. */
function seg(start: number, text: string): TranscribedSegment {
  const words = text.split(' ').map((word, i) => ({ word, start: start + i * 0.5, end: start + i * 0.5 + 0.4 }));
  return { start, end: words[words.length - 1].end, text, words };
}

describe('redacting one speaker\'s segments', () => {
  it('replaces the text and turns the covered words into one marker word spanning them', () => {
    const r = redactSegments([seg(10, 'it is four one one one one one one one one one one one one one one one ok')]);
    expect(r.kinds).toEqual(['card_number']);
    expect(r.segments[0].text).toBe('it is [card number] ok');
    expect(r.segments[0].words).toEqual([
      { word: 'it', start: 10, end: 10.4 },
      { word: 'is', start: 10.5, end: 10.9 },
      { word: '[card number]', start: 11, end: 18.9 },
      { word: 'ok', start: 19, end: 19.4 },
    ]);
  });
  it('finds a card number split over two segments and leaves no digit word of it', () => {
    const r = redactSegments([seg(0, 'my card is forty one eleven double one eleven'), seg(6, 'eleven eleven eleven eleven thanks')]);
    expect(r.kinds).toEqual(['card_number']);
    expect(r.segments.map((s) => s.text)).toEqual(['my card is [card number]', 'thanks']);
    expect(r.segments[0].words[3]).toEqual({ word: '[card number]', start: 1.5, end: 7.9 });
    expect(r.segments[0].end).toBe(7.9);
    expect(r.segments[1].words.map((w) => w.word)).toEqual(['thanks']);
  });
  it('drops a segment that only held the end of a number', () => {
    const r = redactSegments([seg(0, 'four one one one one one one one'), seg(5, 'one one one one one one one one')]);
    expect(r.segments.map((s) => s.text)).toEqual(['[card number]']);
  });
  it('without word timings, the marker\'s segment takes over the time of the segment a number ended in', () => {
    const r = redactSegments([
      { start: 0, end: 3, text: 'four one one one one one one one', words: [] },
      { start: 4, end: 6.5, text: 'one one one one one one one one', words: [] },
    ]);
    expect(r.segments).toEqual([{ start: 0, end: 6.5, text: '[card number]', words: [] }]);
  });
  it('redacts text alone when the engine gave no word timings', () => {
    const r = redactSegments([{ start: 0, end: 2, text: 'write to jo at example dot com', words: [] }]);
    expect(r).toEqual({ segments: [{ start: 0, end: 2, text: 'write to [email]', words: [] }], kinds: ['email'] });
  });
  it('is idempotent and still reports the kinds an earlier pass replaced', () => {
    const once = redactSegments([seg(0, 'call 415 555 0134 or mail jo@x.io')]);
    const twice = redactSegments(once.segments);
    expect(twice).toEqual(once);
    expect(twice.kinds).toEqual(['email', 'phone']);
  });
  it('returns segments untouched (same objects) when there is nothing to redact', () => {
    const s = seg(0, 'my router is broken since tuesday');
    const r = redactSegments([s]);
    expect(r.segments[0]).toBe(s);
    expect(r.kinds).toEqual([]);
  });
});
