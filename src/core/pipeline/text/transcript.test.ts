import { formatDuration, vttTimestamp } from './format';
import { speakerLabels } from './speakers';
import { mergeTranscripts, transcriptPlainText, type Speaker } from './transcript';

const track = (id: string, role: Speaker['role'], offset: number): Speaker => ({
  participantIdentity: id,
  role,
  startOffsetSeconds: offset,
});

describe('mergeTranscripts', () => {
  it('shifts each track by its offset, labels speakers and orders by time', () => {
    const t = mergeTranscripts('e', [
      { speaker: track('customer:1', 'customer', 3), segments: [{ start: 0, end: 1, text: ' yes  please ', words: [{ word: 'yes', start: 0, end: 0.4 }] }] },
      { speaker: track('agent:a', 'agent', 0), segments: [{ start: 1, end: 2, text: 'hello', words: [] }, { start: 5, end: 6, text: '', words: [] }] },
    ]);
    expect(t.segments.map((s) => [s.speaker, s.start, s.end, s.text])).toEqual([
      ['Agent', 1, 2, 'hello'],
      ['Customer', 3, 4, 'yes please'],
    ]);
    expect(t.segments[1].words).toEqual([{ word: 'yes', start: 3, end: 3.4 }]);
    expect(transcriptPlainText(t)).toBe('[0:01] Agent: hello\n[0:03] Customer: yes please');
  });
});

describe('speakerLabels', () => {
  it('numbers a second person of the same role', () => {
    const labels = speakerLabels([
      track('agent:a', 'agent', 0),
      track('customer:1', 'customer', 0),
      track('customer:2', 'customer', 0),
      track('x', 'unknown', 0),
      track('agent:a', 'agent', 9),
    ]);
    expect([...labels.values()]).toEqual(['Agent', 'Customer', 'Customer 2', 'Participant']);
  });
});

describe('format', () => {
  it('formats call lengths and cue times', () => {
    expect(formatDuration(192.4)).toBe('3:12');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(5)).toBe('0:05');
    expect(vttTimestamp(3723.0456)).toBe('01:02:03.046');
  });
});
