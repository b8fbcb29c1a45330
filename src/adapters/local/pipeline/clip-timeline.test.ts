import { clipTimeline } from './clip-timeline';

describe('clipTimeline', () => {
  test('one run (a take never paused) keeps every offset', () => {
    const t = clipTimeline([
      { start: 0, end: 10 },
      { start: 0.03, end: 9.9 },
      { start: 1.2, end: 8 },
    ]);
    expect(t.runs).toEqual([{ start: 0, end: 10 }]);
    expect(t.starts).toEqual([0, 0.03, 1.2]);
    expect(t.durationSeconds).toBe(10);
  });

  test('the pause between two runs is cut; files keep their place inside their run', () => {
    // Run 1: audio 0–4, video 0.02–4.01. Paused 4.01–9. Run 2: video 9–12, audio 9.05–12.1.
    const spans = [
      { start: 9.05, end: 12.1 },
      { start: 0.02, end: 4.01 },
      { start: 0, end: 4 },
      { start: 9, end: 12 },
    ];
    const t = clipTimeline(spans);
    expect(t.runs).toEqual([
      { start: 0, end: 4.01 },
      { start: 9, end: 12.1 },
    ]);
    expect(t.starts).toEqual([4.06, 0.02, 0, 4.01]);
    expect(t.durationSeconds).toBeCloseTo(4.01 + 3.1, 6);
  });

  test('three runs, a run not starting at zero, and input order kept', () => {
    const t = clipTimeline([
      { start: 20, end: 21 },
      { start: 2, end: 5 },
      { start: 10, end: 12 },
    ]);
    expect(t.starts).toEqual([5, 0, 3]);
    expect(t.durationSeconds).toBe(6);
  });

  test('files that nearly touch are one run; a real gap is not', () => {
    expect(clipTimeline([{ start: 0, end: 3 }, { start: 3.04, end: 5 }]).runs).toHaveLength(1);
    expect(clipTimeline([{ start: 0, end: 3 }, { start: 3.5, end: 5 }]).runs).toHaveLength(2);
  });

  test('idempotent: trimming the trimmed timeline changes nothing', () => {
    const spans = [
      { start: 0, end: 4.123457 },
      { start: 7.654321, end: 9.2 },
      { start: 7.7, end: 9.1 },
      { start: 15, end: 16.5 },
    ];
    const once = clipTimeline(spans);
    const again = clipTimeline(spans.map((s, i) => ({ start: once.starts[i], end: once.starts[i] + s.end - s.start })));
    expect(again.starts).toEqual(once.starts);
    expect(again.durationSeconds).toBeCloseTo(once.durationSeconds, 6);
    expect(again.runs).toHaveLength(1);
  });

  test('no spans: an empty timeline', () => {
    expect(clipTimeline([])).toEqual({ runs: [], starts: [], durationSeconds: 0 });
  });
});
