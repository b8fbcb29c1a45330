import { piiMuteSpans } from '../../../core/privacy/pii/mute-spans';
import { redactSegments } from '../../../core/privacy/pii/redact-segments';
import { parsePocketsphinxOutput } from './pocketsphinx-output';

// Captured from `pocketsphinx_continuous -infile two.wav -time yes` (Debian 0.8).
const OUTPUT = `he was not an illness closed young man
<s> 0.140 0.220 0.999700
he 0.230 0.330 0.993322
was(2) 0.340 0.560 0.993024
not 0.570 0.980 0.998501
[SPEECH] 0.990 1.120 0.527464
an(2) 1.130 1.300 0.547020
man 2.350 2.800 0.753797
</s> 2.810 3.100 1.000000
he might
<s> 4.880 4.970 1.000300
<sil> 4.980 5.200 0.932853
he 5.210 5.370 0.999400
might 5.380 5.620 0.999300
</s> 8.010 8.270 1.000000
<s> 9.0 9.1 1.0
</s> 9.1 9.5 1.0
`;

describe('parsePocketsphinxOutput', () => {
  it('turns utterances into segments with word times, dropping fillers and variants', () => {
    const segs = parsePocketsphinxOutput(OUTPUT);
    expect(segs).toHaveLength(2);
    expect(segs[0]).toMatchObject({ start: 0.23, end: 2.8, text: 'he was not an man' });
    expect(segs[0].words[1]).toEqual({ word: 'was', start: 0.34, end: 0.56 });
    expect(segs[1]).toMatchObject({ start: 5.21, end: 5.62, text: 'he might' });
  });
  it('gives the word times a spoken card number is muted by', () => {
    const digits = 'four one one one one one one one one one one one one one one one'.split(' ');
    const lines = digits.map((d, i) => `${d}${i === 1 ? '(2)' : ''} ${(1 + i * 0.3).toFixed(3)} ${(1.25 + i * 0.3).toFixed(3)} 0.9`);
    const out = ['my card is', '<s> 0.000 0.100 1.0', 'card 0.100 0.500 0.9', ...lines, '</s> 6.000 6.200 1.0'].join('\n');
    const [seg] = parsePocketsphinxOutput(out);
    expect(seg.words[2]).toEqual({ word: 'one', start: 1.3, end: 1.55 }); // one(2): the variant folded
    const [redacted] = redactSegments([seg]).segments;
    expect(redacted.text).toBe('card [card number]');
    // "four" at 1.0 to the last "one" at 5.75, padded.
    expect(piiMuteSpans({ segments: [redacted] })).toEqual([{ startSeconds: 0.85, endSeconds: 5.9 }]);
  });
  it('returns nothing for silence', () => {
    expect(parsePocketsphinxOutput('')).toEqual([]);
  });
});
