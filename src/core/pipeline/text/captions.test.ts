import type { RecordingTranscript, SpeakerSegment } from '../../../domain/pipeline-job';
import { buildCues, buildWebVtt } from './captions';

const seg = (speaker: string, words: [string, number, number][], text?: string): SpeakerSegment => ({
  speaker,
  role: speaker === 'Agent' ? 'agent' : 'customer',
  participantIdentity: speaker,
  start: words[0]?.[1] ?? 0,
  end: words[words.length - 1]?.[2] ?? 1,
  text: text ?? words.map((w) => w[0]).join(' '),
  words: words.map(([word, start, end]) => ({ word, start, end })),
});
const tr = (...segments: SpeakerSegment[]): RecordingTranscript => ({ engine: 't', segments });
const run = (n: number, from = 0): [string, number, number][] =>
  Array.from({ length: n }, (_, i) => [`w${i}`, from + i * 0.3, from + i * 0.3 + 0.25]);

describe('buildCues', () => {
  it('splits at 8 words', () => {
    const cues = buildCues(tr(seg('Agent', run(19))));
    expect(cues.map((c) => c.text.split(' ').length)).toEqual([8, 8, 3]);
  });

  it('splits at a pause', () => {
    const words: [string, number, number][] = [
      ['hello', 0, 0.4],
      ['there', 0.45, 0.8],
      ['router', 2.0, 2.4],
    ];
    expect(buildCues(tr(seg('Agent', words))).map((c) => c.text)).toEqual(['hello there', 'router']);
  });

  it('splits after punctuation', () => {
    const words: [string, number, number][] = [
      ['Hi,', 0, 0.2],
      ['how', 0.25, 0.4],
      ['are', 0.45, 0.5],
      ['you?', 0.55, 0.7],
      ['Fine', 0.75, 0.9],
    ];
    expect(buildCues(tr(seg('Agent', words))).map((c) => c.text)).toEqual(['Hi,', 'how are you?', 'Fine']);
  });

  it('spreads words over the segment when the engine gave no word times', () => {
    const s: SpeakerSegment = { ...seg('Customer', []), start: 10, end: 12, text: 'one two three four', words: [] };
    const cues = buildCues(tr(s));
    expect(cues).toEqual([{ start: 10, end: 12, speaker: 'Customer', text: 'one two three four' }]);
  });
});

describe('buildWebVtt', () => {
  it('writes voice spans per speaker, in time order, escaping markup', () => {
    const vtt = buildWebVtt(tr(seg('Agent', [['a<b', 1, 1.5]]), seg('Customer', [['yes', 0.2, 0.6]])));
    expect(vtt).toBe(
      'WEBVTT\n\n1\n00:00:00.200 --> 00:00:00.600\n<v Customer>yes\n\n2\n00:00:01.000 --> 00:00:01.500\n<v Agent>a&lt;b\n',
    );
  });
});
