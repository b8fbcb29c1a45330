import { CLIP_DESCRIPTION_MAX } from '../../domain/clip-annotations';
import { clipDescriptionOf, cutAtWord, keySentences } from './clip-description';

const said = (...texts: string[]) => ({ segments: texts.map((text, i) => ({ speaker: 'Agent', role: 'agent' as const, participantIdentity: 'agent:a1', start: i * 5, end: i * 5 + 4, text, words: [] })) });

const routerClip = said(
  'hi jordan thanks for waiting',
  'your router drops the wifi connection every evening because the router firmware is old.',
  'I had lunch earlier today and it was nice.',
  'open the router settings page and choose update firmware.',
  'my card is [card number] so the router firmware update is paid',
  'yeah okay',
  'after the router restarts the wifi connection should stay up all evening.',
);

describe('keySentences', () => {
  it('picks the sentences about what the clip is about, in the order they were said, capitalized and ended', () => {
    expect(keySentences(routerClip)).toEqual([
      'Your router drops the wifi connection every evening because the router firmware is old.',
      'Open the router settings page and choose update firmware.',
      'After the router restarts the wifi connection should stay up all evening.',
    ]);
  });

  it('never chooses a sentence holding a redaction marker, nor a very short one', () => {
    const picked = keySentences(routerClip, 10);
    expect(picked.join(' ')).not.toContain('[card number]');
    expect(picked).not.toContain('Yeah okay.');
    expect(picked).toHaveLength(5);
  });

  it('splits punctuated utterances into sentences, and is deterministic on ties (earlier first)', () => {
    const tie = said('Printer one jams paper daily. Scanner two loses colour weekly.', 'Monitor three flickers every morning.');
    expect(keySentences(tie, 2)).toEqual(['Printer one jams paper daily.', 'Scanner two loses colour weekly.']);
    expect(keySentences(tie, 2)).toEqual(keySentences(tie, 2));
  });

  it('cuts a long unpunctuated utterance at a word and keeps the whole within a description’s length', () => {
    const long = Array.from({ length: 80 }, (_, i) => `router${i % 7}`).join(' ');
    const picked = keySentences(said(long, long, long, long));
    expect(picked.length).toBeGreaterThan(0);
    for (const s of picked) expect(s.length).toBeLessThanOrEqual(201);
    expect(picked[0].endsWith('….')).toBe(false);
    expect(picked[0].endsWith('…')).toBe(true);
    expect(picked.join(' ').length).toBeLessThanOrEqual(CLIP_DESCRIPTION_MAX);
  });

  it('gives nothing for a transcript with no speech', () => {
    expect(keySentences({ segments: [] })).toEqual([]);
    expect(keySentences(said('um uh', 'okay'))).toEqual([]);
  });
});

describe('clipDescriptionOf', () => {
  const clip = { kind: 'clip' as const, clip: { authorRole: 'agent' as const } };

  it('prefers the sender’s own description, tidied', () => {
    expect(clipDescriptionOf({ ...clip, clip: { ...clip.clip, description: '  Shows the  firmware\u0007 update.\n' } }, routerClip)).toEqual({
      text: 'Shows the firmware update.',
      source: 'sender',
    });
  });

  it('falls back to key sentences of the transcript, and to nothing without one or for a call', () => {
    expect(clipDescriptionOf(clip, routerClip)).toEqual({ text: keySentences(routerClip).join(' '), source: 'transcript' });
    expect(clipDescriptionOf({ ...clip, clip: { ...clip.clip, description: '   ' } }, undefined)).toBeUndefined();
    expect(clipDescriptionOf({ kind: 'call' }, routerClip)).toBeUndefined();
  });

  it('never lets an over-long description through', () => {
    const description = 'word '.repeat(200);
    expect(clipDescriptionOf({ ...clip, clip: { ...clip.clip, description } }, undefined)?.text.length).toBeLessThanOrEqual(CLIP_DESCRIPTION_MAX);
  });
});

describe('cutAtWord', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(cutAtWord('short', 10)).toBe('short');
    expect(cutAtWord('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(cutAtWord('🎥🎥🎥', 4)).toBe('🎥…');
  });
});
