import { advanceLive, finishLive, livePathOf } from './live-transcript';

const seg = (start: number, end: number, text: string) => ({ start, end, text, words: [{ word: text, start, end }] });

describe('live transcription bookkeeping', () => {
  it('keeps only utterances that ended before the tail, shifted onto the track, and cuts after the last', () => {
    const first = advanceLive({ cut: 0, segments: [] }, [seg(1, 3, 'hello'), seg(4, 7, 'how are'), seg(8.8, 9.9, 'you')], 10);
    expect(first.cut).toBe(7);
    expect(first.segments.map((s) => s.text)).toEqual(['hello', 'how are']);
    // The next chunk starts at the cut: its times are shifted by it.
    const second = advanceLive(first, [seg(1.5, 2.9, 'you doing')], 12);
    expect(second.cut).toBe(9.9);
    expect(second.segments[2]).toEqual({ start: 8.5, end: 9.9, text: 'you doing', words: [{ word: 'you doing', start: 8.5, end: 9.9 }] });
  });

  it('waits while an utterance is still going on, and moves over silence', () => {
    const state = { cut: 5, segments: [] };
    expect(advanceLive(state, [seg(2, 9.8, 'still talking')], 10)).toBe(state);
    expect(advanceLive(state, [], 10)).toEqual({ cut: 13.5, segments: [] });
  });

  it('finishes with the rest after the cut, and names the cache beside the recording', () => {
    const done = finishLive({ cut: 7, segments: [seg(1, 3, 'hello')] }, [seg(0.5, 1, 'bye')]);
    expect(done.map((s) => [s.start, s.text])).toEqual([[1, 'hello'], [7.5, 'bye']]);
    expect(livePathOf('/r/videoroom-1-user-2-3-audio-0.mjr.tmp')).toBe('/r/videoroom-1-user-2-3-audio-0.live.json');
    expect(livePathOf('/r/videoroom-1-user-2-3-audio-0.mjr')).toBe('/r/videoroom-1-user-2-3-audio-0.live.json');
  });
});
