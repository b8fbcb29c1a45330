import { ERROR_CODES } from '../../../src/domain/error-codes';
import type { MediaProblem } from '../../../src/ui/media/devices';
import { PAGE_CODES, textFor, type PageCode } from '../../../src/ui/problem-codes';
import { CLIP_PROBLEMS } from '../record/clip-problems';
import { WATCH_PROBLEMS } from '../watch/watch-problems';
import { PROBLEMS } from './problems';

const known: readonly string[] = [...ERROR_CODES, ...PAGE_CODES];

describe('the pages explain only codes that exist', () => {
  it.each([
    ['the join page', PROBLEMS],
    ['the recording page', CLIP_PROBLEMS],
    ['the watch page', WATCH_PROBLEMS],
  ])('%s keys its texts by server codes and its own', (_page, texts) => {
    expect(Object.keys(texts).filter((code) => !known.includes(code))).toEqual([]);
  });

  it('explains a missing link token by the code the server sends', () => {
    expect(Object.keys(PROBLEMS)).toContain('token_missing');
    expect(Object.keys(CLIP_PROBLEMS)).toContain('token_missing');
    expect(Object.keys(WATCH_PROBLEMS)).toContain('token_missing');
    expect(Object.keys(PROBLEMS)).not.toContain('missing_token');
  });

  it("keeps the page's own codes apart from the server's", () => {
    expect(PAGE_CODES.filter((code) => (ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
    // Compile-time: every camera/microphone problem is a page code.
    const media: readonly MediaProblem['code'][] = ['unsupported_browser', 'permission_denied', 'no_devices', 'device_in_use'];
    const asPageCodes: readonly PageCode[] = media;
    expect(PAGE_CODES).toEqual(expect.arrayContaining([...asPageCodes]));
  });

  it('finds no text for a code off the wire that is not a key of the table', () => {
    expect(textFor(PROBLEMS, 'constructor')).toBeUndefined();
    expect(textFor(PROBLEMS, 'teapot')).toBeUndefined();
    expect(textFor(PROBLEMS, 'link_expired')?.title).toBe('This link has expired');
  });
});
