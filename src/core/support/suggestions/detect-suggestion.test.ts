import { detectSuggestion, exchangesOf, messagesAfterImage, type SuggestionTurn } from './detect-suggestion';
import { DEFAULT_SUGGESTION_CONFIG } from './suggestion-config';

let minute = 0;
const turn = (side: 'customer' | 'agent', hasMedia = false, text?: string): SuggestionTurn => ({
  side,
  at: new Date(Date.UTC(2026, 10, 24, 9, minute++)).toISOString(),
  hasMedia,
  ...(text !== undefined ? { text } : {}),
});
/** `exchanges` customer/agent pairs, then the customer's words. */
const ticket = (text: string, exchanges = 0): SuggestionTurn[] => [
  ...Array.from({ length: exchanges }, () => [turn('customer'), turn('agent')]).flat(),
  turn('customer', false, text),
];
const detect = (text: string, exchanges = 0) => detectSuggestion({ turns: ticket(text, exchanges), resolved: false, videoOffered: false });

describe('detectSuggestion: the customer finds it hard to explain', () => {
  it.each([
    "I can't explain it",
    "it's really hard to describe",
    'this doesnt make sense',
    'not sure how to say this',
    'it keeps doing this weird thing',
    'where exactly do I click?',
    "ok I'm lost, which button do you mean?",
    'i cant explian it',
  ])('fires on "%s" and quotes it', (text) => {
    const found = detect(text);
    expect(found?.reasons).toEqual(['hard_to_explain']);
    expect(found?.explanation[0]).toMatch(/^The customer said ".+"\.$/);
  });
  it('names the words it matched', () => {
    expect(detect('Sorry, it is hard to describe what happens')?.explanation).toEqual(['The customer said "hard to describe".']);
  });
});

describe('detectSuggestion: the customer asks for video', () => {
  it.each([
    'can you show me?',
    'could we hop on a call?',
    'can I send you a video of it?',
    'is a video call possible?',
    'can I share my screen with you',
    'can someone call me please',
    'honestly it would be faster if I showed you',
  ])('fires on "%s"', (text) => {
    expect(detect(text)?.reasons).toEqual(['asked_for_video']);
  });
  it('gives both reasons when both are there, in the fixed order', () => {
    expect(detect("I can't explain it, can I just show you?")?.reasons).toEqual(['hard_to_explain', 'asked_for_video']);
  });
});

describe('detectSuggestion: look-alikes stay silent', () => {
  it.each([
    ["I don't need a video, just tell me the steps", 'declines'],
    ["no call please, I'm at work", 'declines'],
    ["I don't need a video, I just can't figure out where to click", 'declines, even beside hard words'],
    ['the video plays fine now', 'settled'],
    ['thanks, that explains it', 'settled'],
    ['my video upload fails at 99%', 'product words'],
    ['the screen is black when I turn it on', 'product words'],
    ['my video calls keep freezing', 'product words'],
    ['The screen share feature crashes on mac', 'a medium after "the"'],
    ['They call me Bobby', '"call me" as a name'],
    ['can you explain the extra charge?', 'asking the agent to explain'],
    ["not hard to describe, it just won't turn on", 'negated'],
    ['the weird thing is I was charged twice', '"weird thing" as a remark'],
    ["I can't show you the receipt, I lost it", 'cannot show'],
    ['how do I make a video call in the app?', 'a how-to about the product'],
  ])('"%s" (%s)', (text) => {
    expect(detect(text)).toBeNull();
  });
  it('and a settled or declining message silences the history rules too', () => {
    expect(detect('thanks, that worked!', 5)).toBeNull();
    expect(detect('no video please', 5)).toBeNull();
  });
});

describe('detectSuggestion: the history', () => {
  it('fires after three exchanges without resolution, not after two', () => {
    expect(detect('still the same error', 2)).toBeNull();
    const found = detect('still the same error', 3);
    expect(found).toEqual({ reasons: ['many_exchanges'], explanation: ['3 exchanges with the agent and the problem is still open.'] });
  });
  it('fires when messages went back and forth after the customer sent an image', () => {
    const turns = [turn('customer'), turn('agent'), turn('customer', true), turn('agent'), turn('customer', false, 'still broken')];
    expect(detectSuggestion({ turns, resolved: false, videoOffered: false })).toEqual({
      reasons: ['image_not_enough'],
      explanation: ['The customer sent an image and 2 messages followed it without a fix.'],
    });
    const justSent = [turn('customer'), turn('agent'), turn('customer', true), turn('customer', false, 'see above')];
    expect(detectSuggestion({ turns: justSent, resolved: false, videoOffered: false })).toBeNull();
  });
  it('counts a run of customer messages answered once as one exchange, and an agent image as no image', () => {
    const turns = [turn('customer'), turn('customer'), turn('agent', true), turn('customer'), turn('agent'), turn('customer', false, 'hm')];
    expect(exchangesOf(turns)).toBe(2);
    expect(messagesAfterImage(turns)).toBeNull();
  });
  it('works without any text (the history alone)', () => {
    const turns = [...ticket('x', 3).slice(0, -1), turn('customer')];
    expect(detectSuggestion({ turns, resolved: false, videoOffered: false })?.reasons).toEqual(['many_exchanges']);
  });
});

describe('detectSuggestion: when not to speak at all', () => {
  it('stays silent once video was offered or the ticket resolved', () => {
    const turns = ticket("I can't explain it, can you show me?", 4);
    expect(detectSuggestion({ turns, resolved: false, videoOffered: true })).toBeNull();
    expect(detectSuggestion({ turns, resolved: true, videoOffered: false })).toBeNull();
    expect(detectSuggestion({ turns, resolved: false, videoOffered: false })?.reasons).toEqual(['hard_to_explain', 'many_exchanges', 'asked_for_video']);
  });
  it('reads only when the customer wrote last', () => {
    expect(detectSuggestion({ turns: [...ticket("I can't explain it", 4), turn('agent')], resolved: false, videoOffered: false })).toBeNull();
    expect(detectSuggestion({ turns: [], resolved: false, videoOffered: false })).toBeNull();
  });
});

describe('detectSuggestion: configuration', () => {
  it('takes other thresholds', () => {
    const turns = ticket('still the same', 3);
    expect(detectSuggestion({ turns, resolved: false, videoOffered: false, config: { minExchanges: 4 } })).toBeNull();
    const image = [turn('customer', true), turn('agent'), turn('customer', false, 'hm')];
    expect(detectSuggestion({ turns: image, resolved: false, videoOffered: false, config: { messagesAfterImage: 3 } })).toBeNull();
    expect(detectSuggestion({ turns: image, resolved: false, videoOffered: false, config: { messagesAfterImage: 1 } })?.reasons).toEqual(['image_not_enough']);
  });
  it('takes other phrase lists, typo-tolerant towards their own words', () => {
    const config = { hardToExplain: [...DEFAULT_SUGGESTION_CONFIG.hardToExplain, 'no clue whats going on'] };
    expect(detectSuggestion({ turns: ticket("no clue what's going on"), resolved: false, videoOffered: false, config })?.reasons).toEqual(['hard_to_explain']);
    expect(detectSuggestion({ turns: ticket("no clue what's gonig on"), resolved: false, videoOffered: false, config })?.reasons).toEqual(['hard_to_explain']);
    expect(detect("no clue what's going on")).toBeNull();
    expect(detectSuggestion({ turns: ticket('can you show me?'), resolved: false, videoOffered: false, config: { askForVideo: [], liveMedia: [] } })).toBeNull();
  });
});
