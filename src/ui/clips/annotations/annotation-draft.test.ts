import { annotationFromDrag, annotationFromForm, defaultRange, describeAnnotation } from './annotation-draft';

describe('annotation drafts', () => {
  it('defaults to the playback time plus four seconds, within the clip', () => {
    expect(defaultRange(2, 30)).toEqual({ startSeconds: 2, endSeconds: 6 });
    expect(defaultRange(28, 30)).toEqual({ startSeconds: 28, endSeconds: 30 });
  });

  it('turns a drag into a rectangle whichever way it went, or an arrow that keeps its direction', () => {
    const range = { startSeconds: 1, endSeconds: 5 };
    expect(annotationFromDrag('blur', { x: 0.6, y: 0.5 }, { x: 0.2, y: 0.1 }, range)).toEqual({ kind: 'blur', x: 0.2, y: 0.1, width: 0.4, height: 0.4, ...range });
    expect(annotationFromDrag('arrow', { x: 0.6, y: 0.5 }, { x: 0.2, y: 0.1 }, range)).toMatchObject({ x: 0.6, y: 0.5, width: -0.4, height: -0.4 });
    expect(annotationFromDrag('box', { x: 0.5, y: 0.5 }, { x: 0.502, y: 0.5 }, range)).toBeNull();
  });

  it('takes the keyboard form in percent and refuses what cannot be drawn', () => {
    expect(annotationFromForm('blur', { x: 10, y: 20, width: 30, height: 40, startSeconds: 2, endSeconds: 6 }, 10)).toEqual({
      kind: 'blur', x: 0.1, y: 0.2, width: 0.3, height: 0.4, startSeconds: 2, endSeconds: 6,
    });
    expect(annotationFromForm('box', { x: 10, y: 20, width: 0, height: 40, startSeconds: 2, endSeconds: 6 }, 10)).toMatch(/more than 0/);
    expect(annotationFromForm('box', { x: 10, y: 20, width: 5, height: 5, startSeconds: 6, endSeconds: 2 }, 10)).toMatch(/after the start/);
  });

  it('says what an annotation is in words', () => {
    expect(describeAnnotation({ kind: 'blur', x: 0.1, y: 0.2, width: 0.3, height: 0.4, startSeconds: 2, endSeconds: 6 })).toBe('Blur at 10%, 20%, 30% by 40%, 2 s to 6 s');
  });
});
