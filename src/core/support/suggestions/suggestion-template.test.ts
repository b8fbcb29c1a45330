import { suggestionMessage } from './suggestion-template';

describe('suggestionMessage', () => {
  it("asks for a clip in the seed's words, addressed by name, with the clip limit", () => {
    expect(suggestionMessage('Robin', 'clip', 3)).toBe(
      'Hi Robin, it sounds like this might be easier to explain visually. Could you record a short video showing what you see? No app install needed: it opens in your browser. Videos up to 3 minutes.',
    );
  });
  it('invites to a call with the same opening and no clip limit', () => {
    const text = suggestionMessage('Robin', 'call', 3);
    expect(text).toBe('Hi Robin, it sounds like this might be easier to explain visually. Could we switch to a quick video call? No app install needed: it opens in your browser.');
    expect(text).not.toMatch(/minutes/);
  });
  it('leaves the name out without a dangling comma or space when there is none', () => {
    for (const name of ['', '   ']) {
      const text = suggestionMessage(name, 'clip', 3);
      expect(text.startsWith('Hi, it sounds like this might be easier to explain visually.')).toBe(true);
      expect(text).not.toMatch(/Hi ,|Hi {2}|, ,/);
    }
  });
  it('trims the name and follows the configured clip length, singular for one minute', () => {
    expect(suggestionMessage('  Ana ', 'clip', 5)).toMatch(/^Hi Ana, .* Videos up to 5 minutes\.$/);
    expect(suggestionMessage('Ana', 'clip', 1)).toMatch(/Videos up to 1 minute\.$/);
  });
});
