import { compilePhrase, findPhrases, oneEditApart, phraseWords, readMessage } from './phrase-pattern';

const vocabulary = new Set(['explain', 'describe', 'video', 'exactly']);
const find = (text: string, phrase: string) => findPhrases(readMessage(text, vocabulary), [compilePhrase(phrase)]);

describe('readMessage', () => {
  it('lower-cases, drops apostrophes, expands chat shorthand and folds two-word negations', () => {
    expect(readMessage("I'm sure U can't; it does not work", vocabulary)).toEqual([['i', 'am', 'sure', 'you', 'cant'], ['it', 'doesnt', 'work']]);
  });
  it('splits clauses at punctuation and at "but"', () => {
    expect(readMessage('no refund, show me. ok but why', vocabulary)).toEqual([['no', 'refund'], ['show', 'me'], ['ok'], ['why']]);
  });
  it('corrects a one-letter typo towards the phrase words, but not short or everyday words', () => {
    expect(readMessage('cant explian, vidoe, descibe', vocabulary)).toEqual([['cant', 'explain'], ['video'], ['describe']]);
    expect(readMessage('vide there', new Set(['video', 'where']))).toEqual([['vide', 'there']]);
  });
});

describe('oneEditApart', () => {
  it('accepts one substitution, insertion, deletion or neighbour swap, and nothing more', () => {
    expect(['explane', 'explainn', 'explan', 'expalin'].map((w) => oneEditApart(w, 'explain'))).toEqual([false, true, true, true]);
    expect(oneEditApart('explian', 'explain')).toBe(true);
    expect(oneEditApart('explain', 'explain')).toBe(false);
    expect(oneEditApart('exlpian', 'explain')).toBe(false);
  });
});

describe('phrases', () => {
  it('match alternatives, optional words, word runs and gaps, and say where', () => {
    expect(find('could we hop on a quick call', 'can|could we hop_on|jump_on a quick? call')).toEqual([
      { phrase: 'can|could we hop_on|jump_on a quick? call', text: 'could we hop on a quick call', clause: 0, start: 0, end: 7 },
    ]);
    expect(find('could we hop on a call', 'can|could we hop_on|jump_on a quick? call')).toHaveLength(1);
    expect(find('I dont need a really big long video', 'dont need * video')).toHaveLength(0);
    expect(find('I dont need a long video', 'dont need * video')[0]).toMatchObject({ start: 1, end: 6 });
  });
  it('match whole words only, within one clause, and anchored ones at its start only', () => {
    expect(find('recall the calls', 'call')).toHaveLength(0);
    expect(find('I need a refund, video please', 'need * video')).toHaveLength(0);
    expect(find('sorted, thanks', '^ sorted')).toHaveLength(1);
    expect(find('not sorted yet', '^ sorted')).toHaveLength(0);
  });
  it("read their own words like a message's: shorthand expands", () => {
    expect(find("I'm lost", 'im lost')).toHaveLength(1);
  });
  it('refuse a word the phrase rules out next', () => {
    expect(find('make a video call', 'make a video !call|chat')).toHaveLength(0);
    expect(find('make a video of it', 'make a video !call|chat')).toHaveLength(1);
  });
  it('list the words they are written in, for typo correction', () => {
    expect(phraseWords(['hop_on|jump_on a? call', '^ sorted !nope'])).toEqual(['hop', 'on', 'jump', 'on', 'a', 'call', 'sorted', 'nope']);
  });
});
